package com.kameleoon.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** protocol.md §3.5: valuesCountMap for text that UTF-8 can or cannot carry. */
class TrackingJsonTest {

    @Test
    @Timeout(5)
    @DisplayName("§3.5 a surrogate pair is one character, written raw then percent-encoded")
    void surrogatePairsAreWellFormed() {
        assertThat(TrackingJson.valuesCountMap(List.of("\uD83D\uDE00", "a\uD83D\uDE00b")))
                .isEqualTo("%7B%22%F0%9F%98%80%22%3A1%2C%22a%F0%9F%98%80b%22%3A1%7D");
    }

    @ParameterizedTest(name = "§3.5 ill-formed value {index}")
    @ValueSource(strings = {"end\uD83D", "\uD83Dx", "\uD83D\uD83D", "x\uDE00", "\uDE00\uD83D"})
    @DisplayName("§3.5 a value with a lone surrogate makes the whole parameter empty, as PHP's encoder fails on it")
    void loneSurrogatesEmptyTheParameter(String value) {
        assertThat(TrackingJson.valuesCountMap(List.of(value))).isEmpty();
        assertThat(TrackingJson.valuesCountMap(List.of("ok", value))).isEmpty();
    }
}
