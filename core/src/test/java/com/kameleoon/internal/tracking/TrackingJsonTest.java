package com.kameleoon.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/wire-format.md#custom-data-values: valuesCountMap for text that UTF-8 can or cannot carry. */
class TrackingJsonTest {

    @Test
    @Timeout(5)
    @DisplayName("a surrogate pair is one character, written raw then percent-encoded"
            + " (docs/wire-format.md#custom-data-values)")
    void surrogatePairsAreWellFormed() {
        assertThat(TrackingJson.valuesCountMap(List.of("\uD83D\uDE00", "a\uD83D\uDE00b")))
                .isEqualTo("%7B%22%F0%9F%98%80%22%3A1%2C%22a%F0%9F%98%80b%22%3A1%7D");
    }

    @ParameterizedTest(name = "ill-formed value {index} (docs/wire-format.md#custom-data-values)")
    @ValueSource(strings = {"end\uD83D", "\uD83Dx", "\uD83D\uD83D", "x\uDE00", "\uDE00\uD83D"})
    @DisplayName("a value with a lone surrogate makes the whole parameter empty, as PHP's encoder fails on it"
            + " (docs/wire-format.md#custom-data-values)")
    void loneSurrogatesEmptyTheParameter(String value) {
        assertThat(TrackingJson.valuesCountMap(List.of(value))).isEmpty();
        assertThat(TrackingJson.valuesCountMap(List.of("ok", value))).isEmpty();
    }
}
