package com.kameleoon.integration;

/**
 * Counters of the units of work a client wrote to its visitor repository, since start. Immutable.
 *
 * @param storedUnits units written
 * @param transactions repository writes that succeeded (a batch of units is one); {@code storedUnits /
 *        transactions} is the group-commit batch size
 * @param bufferedUnits unconfirmed units waiting in memory for the repository to answer again
 * @param droppedUnits unconfirmed units dropped because the buffer was full
 * @param rejectedUnits units the repository refused (a constraint, a value too long), dropped
 * @param failedConfirmedUnits confirmed units that could not be written, dropped whole and reported to the caller
 * @param unknownConfirmedUnits confirmed units whose commit was cut off (stored or not, the caller was told it is
 *        unknown; the log says which once the store answers again)
 * @param circuitOpen true while the repository is taken as unavailable
 * @param circuitOpenings how many times the repository was found unavailable
 * @param lateLoads loads that did not answer within the load wait (the visitor was served as new)
 */
public record UnitStats(long storedUnits, long transactions, int bufferedUnits, long droppedUnits, long rejectedUnits,
        long failedConfirmedUnits, long unknownConfirmedUnits, boolean circuitOpen, long circuitOpenings, long lateLoads) {
    /** The counters of a client that keeps its visitors in memory (nothing is written). */
    public static final UnitStats NONE = new UnitStats(0, 0, 0, 0, 0, 0, 0, false, 0, 0);
}
