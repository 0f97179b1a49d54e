package com.kameleoon.spi;

/**
 * A tracking line in an outbox.
 *
 * @param id the outbox's identifier of the line (unique within the outbox)
 * @param group lines added together share a group, so that a claim never splits a visitor's pass
 * @param visitorCode the visitor the line belongs to
 * @param text the line, without line feed
 * @param attempts how many deliveries were tried before this claim
 */
public record OutboxLine(long id, long group, String visitorCode, String text, int attempts) {
}
