package com.kameleoon.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results chart: axes with ticks and labels, and "no data" rather than an empty bar for a variation. */
class ResultsChartTest {
    @Test
    void aVariationWithoutVisitorsSaysNoDataAndTheOthersGetBarsOnALabelledAxis() {
        Map<Long, String> names = new LinkedHashMap<>();
        names.put(1L, "Control (control)");
        names.put(2L, "Variation 1 (variation_1)");
        Map<Long, Proportion> rates = new LinkedHashMap<>();
        rates.put(1L, Proportion.of(3, 20));
        rates.put(2L, Proportion.of(0, 0));

        String svg = ResultsServlet.chart(names, rates);

        assertThat(svg).contains("id=\"x-axis\"", "id=\"y-axis\"", "conversion rate (purchases / visitors exposed)",
                ">0 %</text>", "Control (control)", "Variation 1 (variation_1)", "15.0 % (n = 20)");
        assertThat(count(svg, "class=\"bar\"")).isEqualTo(1);
        assertThat(count(svg, "class=\"nodata\"")).isEqualTo(1);
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void noVisitorsAtAllStillDrawsTheAxis() {
        Map<Long, String> names = Map.of(1L, "Control (control)");
        String svg = ResultsServlet.chart(names, Map.of(1L, Proportion.of(0, 0)));
        assertThat(svg).contains("id=\"x-axis\"", ">0 %</text>", "no data").doesNotContain("NaN", "Infinity");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
