package com.kameleoon.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time used by the in-memory visitor stores' sweeper threads ({@code kameleoon-visitor-expiry-N}). */
final class SweeperCpu {
    private static final String PREFIX = "kameleoon-visitor-expiry-";

    private SweeperCpu() {
    }

    /** @return the CPU nanoseconds used so far by every live sweeper thread, 0 when not measurable */
    static long nanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PREFIX)) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
