package com.kameleoon.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/wire-format.md#number-formatting: floats as PHP casts them with precision 14. */
class PhpFloatTest {
    @Test
    void numberFormatting_vectors() {
        assertThat(PhpFloat.format(10.0)).isEqualTo("10");
        assertThat(PhpFloat.format(10.5)).isEqualTo("10.5");
        assertThat(PhpFloat.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(PhpFloat.format(0.0001)).isEqualTo("0.0001");
        assertThat(PhpFloat.format(99999999999999.0)).isEqualTo("99999999999999");
        assertThat(PhpFloat.format(1e14)).isEqualTo("1.0E+14");
        assertThat(PhpFloat.format(1e20)).isEqualTo("1.0E+20");
        assertThat(PhpFloat.format(1e-5)).isEqualTo("1.0E-5");
        assertThat(PhpFloat.format(123456789012345.0)).isEqualTo("1.2345678901234E+14");
        assertThat(PhpFloat.format(2.123456789012345)).isEqualTo("2.1234567890123");
        assertThat(PhpFloat.format(-3.0)).isEqualTo("-3");
        assertThat(PhpFloat.format(0.0)).isEqualTo("0");
        assertThat(PhpFloat.format(-0.0)).isEqualTo("-0");
        assertThat(PhpFloat.format(Double.NaN)).isEqualTo("NAN");
        assertThat(PhpFloat.format(Double.POSITIVE_INFINITY)).isEqualTo("INF");
        assertThat(PhpFloat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-INF");
        assertThat(PhpFloat.format(48.8566)).isEqualTo("48.8566");
        assertThat(PhpFloat.format(99.5)).isEqualTo("99.5");
        assertThat(PhpFloat.format(-1.5e-7)).isEqualTo("-1.5E-7");
    }
}
