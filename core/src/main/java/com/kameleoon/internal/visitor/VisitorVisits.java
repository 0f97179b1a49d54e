package com.kameleoon.internal.visitor;

import java.util.List;

/**
 * The visitor's previous visits (from remote data), most recent first.
 *
 * @param previousVisits the visits, most recent first
 * @param visitNumber the number of previous visits known to Kameleoon (at least the list's size)
 * @param timeSincePreviousVisit milliseconds between the current visit's start and the previous visit's last
 *        event (tracked as {@code timeSincePreviousVisit}), 0 when unknown
 */
public record VisitorVisits(List<Visit> previousVisits, int visitNumber, long timeSincePreviousVisit) {
    /** No previous visit. */
    public static final VisitorVisits EMPTY = new VisitorVisits(List.of(), 0, 0);

    /** Copies the list and raises the visit number to at least its size. */
    public VisitorVisits {
        previousVisits = List.copyOf(previousVisits);
        visitNumber = Math.max(visitNumber, previousVisits.size());
    }

    /**
     * Visits not yet localized to a current visit.
     *
     * @param previousVisits the visits, most recent first
     * @param visitNumber the number of previous visits
     */
    public VisitorVisits(List<Visit> previousVisits, int visitNumber) {
        this(previousVisits, visitNumber, 0);
    }

    /**
     * One previous visit.
     *
     * @param timeStarted epoch milliseconds of its start
     * @param timeLastEvent epoch milliseconds of its last event
     */
    public record Visit(long timeStarted, long timeLastEvent) {
    }
}
