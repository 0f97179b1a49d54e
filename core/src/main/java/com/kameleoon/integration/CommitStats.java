package com.kameleoon.integration;

/**
 * The writes of units of work to the visitor repository since start, as the group committer made them: one write
 * is one transaction holding a batch of units. Immutable.
 *
 * @param commits writes that succeeded
 * @param failures writes that threw (the repository refused them or could not be reached)
 * @param committedUnits units written by the successful writes; {@code committedUnits / commits} is the mean
 *        batch size
 * @param largestBatch the most units one successful write held
 * @param latency how long the writes took, successful or not
 */
public record CommitStats(long commits, long failures, long committedUnits, long largestBatch, LatencyStats latency) {
    /** The figures of a client that keeps its visitors in memory (nothing is written). */
    public static final CommitStats NONE = new CommitStats(0, 0, 0, 0, LatencyStats.NONE);
}
