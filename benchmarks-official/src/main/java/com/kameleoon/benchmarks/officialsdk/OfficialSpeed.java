package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.data.Browser;
import com.kameleoon.data.Device;

/**
 * {@code getFeatureVariationKey} speed of the official SDK: {@code OfficialSpeed <warm-up rounds> <rounds>
 * <round ms> <datafile>:<flag>…} prints {@code speed <datafile> warm|new <ns/op>} per datafile. Warm: one visitor
 * (Device DESKTOP, Browser CHROME 120, evaluated once before timing) again and again; new: a new visitor code per
 * call ({@code n} + 15 base-36 digits of the counter, made inside the timed call), each stored by the SDK. A
 * fresh client per datafile and operation. Version 4.5.0 has no untracked call: every call queues tracking, which
 * the SDK posts to {@link LocalKameleoonServer} every second, in the same JVM's other threads.
 */
public final class OfficialSpeed {
    /** The warm visitor's code, the same on both sides. */
    static final String WARM_VISITOR = "warm0000000000001";

    private OfficialSpeed() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a client does not start
     */
    public static void main(String[] args) throws Exception {
        int warmupRounds = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long roundMillis = Long.parseLong(args[2]);
        KameleoonClientConfig config = OfficialClients.config();
        for (int a = 3; a < args.length; a++) {
            String datafile = args[a].substring(0, args[a].indexOf(':'));
            String flag = args[a].substring(args[a].indexOf(':') + 1);

            KameleoonClient warm = OfficialClients.startReady(datafile, config);
            warm.addData(WARM_VISITOR, new Device(Device.Type.DESKTOP), new Browser(Browser.Type.CHROME, 120f));
            warm.getFeatureVariationKey(WARM_VISITOR, flag);
            double warmNanos = TimedLoop.nanosPerOperation(i -> length(warm, WARM_VISITOR, flag),
                    warmupRounds, rounds, roundMillis);
            KameleoonClientFactory.forget(datafile);
            System.out.printf("speed\t%s\twarm\t%.1f%n", datafile, warmNanos);

            KameleoonClient fresh = OfficialClients.startReady(datafile, config);
            double newNanos = TimedLoop.nanosPerOperation(i -> length(fresh, newVisitorCode(i), flag),
                    warmupRounds, rounds, roundMillis);
            KameleoonClientFactory.forget(datafile);
            System.out.printf("speed\t%s\tnew\t%.1f%n", datafile, newNanos);
        }
        System.err.println("sink " + TimedLoop.sink());
        System.exit(0);
    }

    private static int length(KameleoonClient client, String code, String flag) {
        try {
            return client.getFeatureVariationKey(code, flag).length();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code n} and 15 base-36 digits of {@code counter}, as this project's side makes them */
    static String newVisitorCode(int counter) {
        String digits = Integer.toString(counter, 36);
        return "n" + "0".repeat(15 - digits.length()) + digits;
    }
}
