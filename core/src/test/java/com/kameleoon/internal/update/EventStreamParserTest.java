package com.kameleoon.internal.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-stream rules of the WHATWG HTML standard, one behaviour per test. */
class EventStreamParserTest {
    private final List<EventStreamParser.Event> events = new ArrayList<>();
    private final EventStreamParser parser = new EventStreamParser(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.accept(line);
        }
    }

    @Test
    void anEventIsDispatchedAtTheBlankLineNotAtItsDataLine() {
        feed("event: configuration-update-event", "data: {\"ts\":");
        assertThat(events).isEmpty();
        feed("data: 5}", "");
        assertThat(events).containsExactly(new EventStreamParser.Event("configuration-update-event",
                "{\"ts\":\n5}", ""));
    }

    @Test
    void typeDefaultsToMessageAndIsResetAfterEachEvent() {
        feed("event: a", "data: 1", "", "data: 2", "");
        assertThat(events).extracting(EventStreamParser.Event::type).containsExactly("a", "message");
    }

    @Test
    void commentsAndUnknownFieldsAreIgnoredAndOneLeadingSpaceIsDropped() {
        feed(": keep-alive", "foo: bar", "data:  two spaces", "data:none", "data", "");
        assertThat(events).singleElement().extracting(EventStreamParser.Event::data)
                .isEqualTo(" two spaces\nnone\n");
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothingAndForgetsTheType() {
        feed("event: a", "", "data: x", "");
        assertThat(events).singleElement().extracting(EventStreamParser.Event::type).isEqualTo("message");
    }

    @Test
    void anEmptyDataLineStillMakesAnEvent() {
        feed("data:", "");
        assertThat(events).singleElement().extracting(EventStreamParser.Event::data).isEqualTo("");
    }

    @Test
    void idIsRememberedAcrossEventsAndStreamsUnlessItHoldsNul() {
        feed("id: 41", "data: a", "");
        parser.endOfStream();
        feed("data: b", "", "id: 4\u00002", "data: c", "");
        assertThat(events).extracting(EventStreamParser.Event::lastEventId).containsExactly("41", "41", "41");
        assertThat(parser.lastEventId()).isEqualTo("41");
        feed("id", "");
        assertThat(parser.lastEventId()).as("an empty id resets it").isEmpty();
    }

    @Test
    void retryTakesOnlyDigits() {
        assertThat(parser.retryMillis()).isEqualTo(-1);
        feed("retry: 3000");
        assertThat(parser.retryMillis()).isEqualTo(3000);
        feed("retry: 12s", "retry: -5", "retry:");
        assertThat(parser.retryMillis()).isEqualTo(3000);
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsDiscarded() {
        feed("event: configuration-update-event", "data: {\"ts\": 1}");
        parser.endOfStream();
        feed("");
        assertThat(events).isEmpty();
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() {
        feed("\uFEFFdata: x", "");
        assertThat(events).singleElement().extracting(EventStreamParser.Event::data).isEqualTo("x");
    }
}
