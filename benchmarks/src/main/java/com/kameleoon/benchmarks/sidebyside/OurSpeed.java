package com.kameleoon.benchmarks.sidebyside;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.data.Browser;
import com.kameleoon.data.BrowserType;
import com.kameleoon.data.Device;
import com.kameleoon.data.DeviceType;
import java.nio.file.Path;

/**
 * {@code getVariation} speed of this project, the same work as the official side's {@code OfficialSpeed}:
 * {@code OurSpeed <fixtures directory> <warm-up rounds> <rounds> <round ms> <datafile>:<flag>…} prints
 * {@code speed <datafile> warm|new <ns/op>}. Warm: one visitor (Device DESKTOP, Browser CHROME 120, evaluated once
 * before timing) again and again; new: a new visitor code per call ({@code n} + 15 base-36 digits of the counter,
 * made inside the timed call). Untracked ({@code track=false}); a fresh client per datafile and operation.
 */
public final class OurSpeed {
    private static final String WARM_VISITOR = "warm0000000000001";

    private OurSpeed() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a client does not start
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int warmupRounds = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long roundMillis = Long.parseLong(args[3]);
        for (int a = 4; a < args.length; a++) {
            String datafile = args[a].substring(0, args[a].indexOf(':'));
            String flag = args[a].substring(args[a].indexOf(':') + 1);

            KameleoonClient warm = OurClients.startReady(directory, datafile);
            warm.addData(WARM_VISITOR, false, new Device(DeviceType.DESKTOP), new Browser(BrowserType.CHROME, 120));
            warm.getVariation(WARM_VISITOR, flag, false);
            double warmNanos = TimedLoop.nanosPerOperation(
                    i -> warm.getVariation(WARM_VISITOR, flag, false).getKey().length(), warmupRounds, rounds,
                    roundMillis);
            KameleoonClientFactory.forget(datafile);
            System.out.printf("speed\t%s\twarm\t%.1f%n", datafile, warmNanos);

            KameleoonClient fresh = OurClients.startReady(directory, datafile);
            double newNanos = TimedLoop.nanosPerOperation(
                    i -> fresh.getVariation(newVisitorCode(i), flag, false).getKey().length(), warmupRounds, rounds,
                    roundMillis);
            KameleoonClientFactory.forget(datafile);
            System.out.printf("speed\t%s\tnew\t%.1f%n", datafile, newNanos);
        }
        System.err.println("sink " + TimedLoop.sink());
    }

    private static String newVisitorCode(int counter) {
        String digits = Integer.toString(counter, 36);
        return "n" + "0".repeat(15 - digits.length()) + digits;
    }
}
