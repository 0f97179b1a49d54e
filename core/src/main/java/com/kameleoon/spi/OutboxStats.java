package com.kameleoon.spi;

/**
 * Counters of an outbox.
 *
 * @param depth lines waiting (claimed ones included)
 * @param oldestAgeMillis age of the oldest waiting line, 0 when none
 * @param sent lines delivered since start
 * @param retried lines returned after a failed delivery since start
 * @param dropped lines dropped because the outbox was full (in-memory outbox) since start
 * @param parked lines set aside after failing too often (durable outboxes)
 */
public record OutboxStats(long depth, long oldestAgeMillis, long sent, long retried, long dropped, long parked) {
}
