package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.KameleoonClient;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap retained per in-memory visitor of the official SDK: {@code OfficialMemory <fixtures directory> <warm-up count>
 * <datafile> <flag>…} gives the first {@code warm-up count} visitors of {@code memory-visitors.tsv} their data ({@code addData}) and
 * evaluates the flags ({@code getFeatureVariationKey}), measures the used heap after full GCs, does the same for
 * the rest of the file, waits for the SDK's tracking (posted every second to {@link LocalKameleoonServer}) to
 * drain, measures again, and prints {@code memory <datafile> <visitors> <bytes per visitor> <non-default
 * variations per visitor>}. The same steps as this project's side.
 */
public final class OfficialMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private OfficialMemory() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the client does not start or the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[1]);
        String datafile = args[2];
        List<String> flags = List.of(args).subList(3, args.length);
        KameleoonClient client = OfficialClients.startReady(datafile, OfficialClients.config());
        long before = 0;
        int measured = 0;
        long assigned = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[0], "memory-visitors.tsv"), StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine(), n++) {
                if (n == warmup) {
                    Thread.sleep(2_500);
                    before = usedHeapAfterGc();
                }
                VisitorLine visitor = VisitorLine.parse(line);
                client.addData(visitor.code(), visitor.data());
                for (String flag : flags) {
                    String key = client.getFeatureVariationKey(visitor.code(), flag);
                    if (n >= warmup && !key.equals("off")) {
                        assigned++;
                    }
                }
                measured += n >= warmup ? 1 : 0;
            }
        }
        // The tracking interval is at most 1 s in this version; 2.5 s lets the last batch go out.
        Thread.sleep(2_500);
        long after = usedHeapAfterGc();
        System.out.printf("memory\t%s\t%d\t%.0f\t%.2f%n", datafile, measured, (after - before) / (double) measured,
                assigned / (double) measured);
        System.exit(0);
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
