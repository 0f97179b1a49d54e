package com.kameleoon.spi;

import java.util.Objects;

/**
 * Names one {@link VisitorRepository#write} call so that its outcome can be asked for later. A write whose
 * acknowledgement was lost (the connection broke while the database committed) is neither known stored nor known
 * dropped; the repository records the mark in the same transaction as the units, and the SDK asks
 * {@link VisitorRepository#isWritten} once the store answers again, before it writes anything else. Each SDK
 * writer has its own {@code writer} id and numbers its writes 1, 2, 3… one after the other, never two at once.
 * Immutable.
 *
 * @param writer the writer's id, unique per client instance (a random UUID), at most 36 characters
 * @param sequence the write's number for that writer, positive, increasing by one per write
 */
public record WriteMark(String writer, long sequence) {
    /** The longest writer id a repository must accept. */
    public static final int MAX_WRITER_LENGTH = 36;

    /**
     * @throws IllegalArgumentException when the writer is blank or too long, or the sequence is not positive
     */
    public WriteMark {
        Objects.requireNonNull(writer, "writer");
        if (writer.isBlank() || writer.length() > MAX_WRITER_LENGTH) {
            throw new IllegalArgumentException("writer must be 1 to " + MAX_WRITER_LENGTH + " characters: " + writer);
        }
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
    }

    /** @return the mark of this writer's next write */
    public WriteMark next() {
        return new WriteMark(writer, sequence + 1);
    }
}
