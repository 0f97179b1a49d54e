package com.kameleoon.benchmarks.sidebyside;

import com.kameleoon.KameleoonClient;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap retained per in-memory visitor of this project, the same steps as the official side's
 * {@code OfficialMemory}: {@code OurMemory <fixtures directory> <warm-up count> <datafile> <flag>…} gives the first
 * {@code warm-up count} visitors of {@code memory-visitors.tsv} their data ({@code addData}, untracked) and
 * evaluates the flags ({@code getVariation}, untracked), measures the used heap after full GCs, does the same for
 * the rest of the file, waits as long as the official side waits for its tracking, measures again, and prints
 * {@code memory <datafile> <visitors> <bytes per visitor> <non-default variations per visitor>}.
 */
public final class OurMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private OurMemory() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the client does not start or the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        String datafile = args[2];
        List<String> flags = List.of(args).subList(3, args.length);
        KameleoonClient client = OurClients.startReady(directory, datafile);
        long before = 0;
        int measured = 0;
        long assigned = 0;
        try (BufferedReader lines = Files.newBufferedReader(directory.resolve("memory-visitors.tsv"),
                StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine(), n++) {
                if (n == warmup) {
                    Thread.sleep(2_500);
                    before = usedHeapAfterGc();
                }
                VisitorLine visitor = VisitorLine.parse(line);
                client.addData(visitor.code(), false, visitor.data());
                for (String flag : flags) {
                    String key = client.getVariation(visitor.code(), flag, false).getKey();
                    if (n >= warmup && !key.equals("off")) {
                        assigned++;
                    }
                }
                measured += n >= warmup ? 1 : 0;
            }
        }
        Thread.sleep(2_500);
        long after = usedHeapAfterGc();
        System.out.printf("memory\t%s\t%d\t%.0f\t%.2f%n", datafile, measured, (after - before) / (double) measured,
                assigned / (double) measured);
        // Keeps the client, and so its visitors, reachable until the second measurement.
        System.err.println("client ready: " + client.isReady());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
