package com.kameleoon.internal.tracking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as PHP casts a float to string with {@code precision=14} (docs/wire-format.md#number-formatting):
 * correctly rounded to 14 significant digits, plain notation for decimal exponents -4..13 without trailing zeros,
 * otherwise {@code 1.0E+20} style. The tracking body is compared byte for byte with PHP's, hence the exactness.
 * Stateless.
 */
public final class PhpFloat {
    private static final MathContext FOURTEEN_DIGITS = new MathContext(14, RoundingMode.HALF_EVEN);

    private PhpFloat() {
    }

    /**
     * @param value the number
     * @return its PHP text
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NAN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF" : "-INF";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e14) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(FOURTEEN_DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 14) {
            return rounded.toPlainString();
        }
        String digits = rounded.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder(24);
        if (rounded.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0)).append('.');
        text.append(digits.length() > 1 ? digits.substring(1) : "0");
        text.append('E').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return text.toString();
    }
}
