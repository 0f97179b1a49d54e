package com.kameleoon.internal.update;

import java.util.function.Consumer;

/**
 * Interprets the lines of a {@code text/event-stream} body as the WHATWG HTML standard's event-stream rules say: an
 * event is dispatched at the blank line that ends it (not at each {@code data:} line), several {@code data:} lines
 * join with a line feed, lines starting with {@code :} are comments, one space after the colon is dropped, {@code id}
 * sets the last event id (kept across reconnections, sent back as {@code Last-Event-ID}), {@code retry} with only
 * digits sets the reconnection time, unknown fields are ignored, and an event cut off by the end of the stream is
 * discarded. Not thread-safe: one reader thread feeds it.
 */
final class EventStreamParser {
    /** A dispatched event. */
    record Event(String type, String data, String lastEventId) {
    }

    private final Consumer<Event> dispatch;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private boolean hasData;
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean firstLine = true;

    EventStreamParser(Consumer<Event> dispatch) {
        this.dispatch = dispatch;
    }

    /**
     * Feeds one line, without its line terminator (CR, LF or CRLF).
     *
     * @param line the line
     */
    void accept(String line) {
        if (firstLine) {
            firstLine = false;
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            dispatchEvent();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event":
                eventType = value;
                break;
            case "data":
                data.append(value).append('\n');
                hasData = true;
                break;
            case "id":
                if (value.indexOf('\u0000') < 0) {
                    lastEventId = value;
                }
                break;
            case "retry":
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() <= 18) {
                    retryMillis = Long.parseLong(value);
                }
                break;
            default:
                break;
        }
    }

    /** Forgets a half-received event: the stream ended or broke before its blank line. */
    void endOfStream() {
        data.setLength(0);
        hasData = false;
        eventType = "";
        firstLine = true;
    }

    /** @return the last event id seen, empty when none (sent as {@code Last-Event-ID} when not empty) */
    String lastEventId() {
        return lastEventId;
    }

    /** @return the reconnection time the server asked for, or -1 when it did not */
    long retryMillis() {
        return retryMillis;
    }

    private void dispatchEvent() {
        if (!hasData) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1);
        Event event = new Event(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        hasData = false;
        eventType = "";
        dispatch.accept(event);
    }
}
