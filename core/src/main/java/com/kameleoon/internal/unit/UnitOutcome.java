package com.kameleoon.internal.unit;

/** What became of a unit handed to the {@link GroupCommitter}; a confirmed unit that was not stored fails instead. */
enum UnitOutcome {
    /** Written. */
    STORED,
    /** Kept in memory until the repository answers again. */
    BUFFERED,
    /** Refused by the repository, or pushed out of a full buffer: lost, counted and logged. */
    DROPPED
}
