package com.kameleoon.persistence.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where a node's counter of line groups starts: the low 47 bits of a random number, so a value in [0, 2^47) that
 * follows the random number (the groups of nodes sharing the table are unlikely to meet) and leaves 2^63 - 2^47
 * groups before the counter could overflow.
 */
class JdbcOutboxGroupCounterTest {
    private static final long RANGE = 1L << 47;

    @Test
    void theStartIsNonNegativeAndBelowTwoToThe47WhateverTheRandomNumber() {
        for (long random : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, RANGE, RANGE - 1, -RANGE,
                0x5555_5555_5555_5555L, 0xaaaa_aaaa_aaaa_aaaaL}) {
            assertThat(JdbcOutbox.groupCounterStart(random)).as("start for %x", random).isBetween(0L, RANGE - 1);
        }
    }

    @Test
    void theStartKeepsTheLow47BitsOfTheRandomNumber() {
        assertThat(JdbcOutbox.groupCounterStart(-1)).isEqualTo(RANGE - 1);
        assertThat(JdbcOutbox.groupCounterStart(Long.MIN_VALUE)).isZero();
        assertThat(JdbcOutbox.groupCounterStart(0x1234_5678_9abc_def0L)).isEqualTo(0x5678_9abc_def0L);
    }
}
