package com.kameleoon.benchmarks.officialsdk;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A timed loop with warm-up, for a figure in ns/op where JMH would need the official SDK's class path inside a
 * JMH fork. {@code rounds} of {@code roundMillis} each after {@code warmupRounds} such rounds; the operation runs
 * in batches of 1,024 between clock reads; the median round is the figure. The operation's results are summed into
 * a field that is printed, so the JIT cannot drop the calls. The same loop as this project's side
 * ({@code com.kameleoon.benchmarks.sidebyside.TimedLoop}).
 */
public final class TimedLoop {
    private static final int BATCH = 1_024;
    private static volatile long sink;

    private TimedLoop() {
    }

    /**
     * @param operation called with a counter that grows by one per call; returns any number derived from the
     *     result
     * @param warmupRounds rounds run and discarded
     * @param rounds rounds measured
     * @param roundMillis length of a round
     * @return the median ns/op of the measured rounds
     */
    public static double nanosPerOperation(IntUnaryOperator operation, int warmupRounds, int rounds,
            long roundMillis) {
        double[] measured = new double[rounds];
        int counter = 0;
        for (int round = 0; round < warmupRounds + rounds; round++) {
            long operations = 0;
            long sum = 0;
            long start = System.nanoTime();
            long end = start + roundMillis * 1_000_000L;
            long now;
            do {
                for (int i = 0; i < BATCH; i++) {
                    sum += operation.applyAsInt(counter++);
                }
                operations += BATCH;
                now = System.nanoTime();
            } while (now < end);
            sink += sum;
            if (round >= warmupRounds) {
                measured[round - warmupRounds] = (now - start) / (double) operations;
            }
        }
        Arrays.sort(measured);
        return rounds % 2 == 1 ? measured[rounds / 2] : (measured[rounds / 2 - 1] + measured[rounds / 2]) / 2;
    }

    /** @return the sum of every operation's result (printed so that it is used) */
    public static long sink() {
        return sink;
    }
}
