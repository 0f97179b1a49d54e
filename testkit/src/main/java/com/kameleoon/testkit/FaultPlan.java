package com.kameleoon.testkit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The faults injected per endpoint, consumed request by request. Per endpoint, faults apply in injection order:
 * the oldest one that still has applications left serves the request (so a fault without a limit hides those
 * injected after it); {@link #downUntil} faults go first. Thread-safe (synchronized).
 */
final class FaultPlan {
    private static final class Rule {
        final Fault fault;
        int remaining;
        final Instant until;

        Rule(Fault fault, Instant until) {
            this.fault = fault;
            this.remaining = fault.count();
            this.until = until;
        }
    }

    private final Map<Endpoint, Deque<Rule>> rules = new EnumMap<>(Endpoint.class);

    synchronized void add(Endpoint endpoint, Fault fault) {
        rules.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addLast(new Rule(fault, null));
    }

    /** Answers every request of the endpoint with {@code fault} until {@code until}, ahead of other faults. */
    synchronized void downUntil(Endpoint endpoint, Fault fault, Instant until) {
        rules.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addFirst(new Rule(fault, until));
    }

    /** @return the fault to apply to the next request of the endpoint (consuming one application), or null */
    synchronized Fault next(Endpoint endpoint, Instant now) {
        Deque<Rule> queue = rules.get(endpoint);
        if (queue == null) {
            return null;
        }
        for (Iterator<Rule> it = queue.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.until != null && !now.isBefore(rule.until)) {
                it.remove();
                continue;
            }
            if (rule.remaining != Fault.FOREVER) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    it.remove();
                }
            }
            return rule.fault;
        }
        return null;
    }

    synchronized void clear() {
        rules.clear();
    }
}
