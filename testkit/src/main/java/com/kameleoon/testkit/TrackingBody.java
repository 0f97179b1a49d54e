package com.kameleoon.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Splits a tracking body into its lines (docs/wire-format.md#body-framing). Stateless. */
final class TrackingBody {
    private TrackingBody() {
    }

    /**
     * @param body the body text
     * @return its LF-separated lines; a trailing LF adds no empty line; inner empty lines and CRs are kept
     */
    static List<String> lines(String body) {
        if (body.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int lf = body.indexOf('\n', start);
            if (lf < 0) {
                lines.add(body.substring(start));
                break;
            }
            lines.add(body.substring(start, lf));
            start = lf + 1;
        }
        return Collections.unmodifiableList(lines);
    }
}
