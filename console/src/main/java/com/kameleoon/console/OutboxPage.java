package com.kameleoon.console;

import static com.kameleoon.console.Html.escape;

import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.ParkedLine;
import java.time.Duration;
import java.util.List;

/**
 * The outbox page: the tracking outbox's figures, the lines parked after too many failed deliveries with their last
 * error, and the "retry parked lines" button. Thread-safe (stateless).
 */
final class OutboxPage {
    /** Parked lines shown at most. */
    static final int SHOWN = 100;
    /** Characters of a line shown at most. */
    private static final int LINE_CHARS = 300;

    private OutboxPage() {
    }

    /**
     * @param base the console's URL path
     * @param stats the outbox's figures
     * @param parked up to {@link #SHOWN} parked lines
     * @param token the session's CSRF token
     * @return the page's body
     */
    static String body(String base, OutboxStats stats, List<ParkedLine> parked, String token) {
        StringBuilder html = new StringBuilder(Html.facts("outbox",
                "Waiting lines", Long.toString(stats.depth()),
                "Oldest waiting line", escape(Html.age(Duration.ofMillis(stats.oldestAgeMillis()))),
                "Delivered lines", Long.toString(stats.sent()),
                "Retried lines", Long.toString(stats.retried()),
                "Dropped lines", Html.state(stats.dropped() == 0, Long.toString(stats.dropped())),
                "Parked lines", Html.state(stats.parked() == 0, Long.toString(stats.parked()))));
        html.append("<h2>Parked lines</h2>");
        if (parked.isEmpty() && stats.parked() == 0) {
            html.append("<p id=\"no-parked\">None. (Only a database outbox parks lines; the in-memory one retries "
                    + "until it drops its oldest lines when full.)</p>");
            return html.toString();
        }
        if (stats.parked() > parked.size()) {
            html.append("<p>The oldest ").append(parked.size()).append(" of ").append(stats.parked())
                    .append(" parked lines:</p>");
        }
        html.append("<table id=\"parked\"><tr><th>id</th><th>visitor</th><th>attempts</th><th>last error</th>"
                + "<th>line</th></tr>");
        for (ParkedLine line : parked) {
            String text = line.text().length() > LINE_CHARS ? line.text().substring(0, LINE_CHARS) + "…" : line.text();
            html.append("<tr><td>").append(line.id()).append("</td><td><code>").append(escape(line.visitorCode()))
                    .append("</code></td><td>").append(line.attempts()).append("</td><td>")
                    .append(escape(line.lastError() == null ? "—" : line.lastError())).append("</td><td><code>")
                    .append(escape(text)).append("</code></td></tr>");
        }
        return html.append("</table><form method=\"post\" id=\"retry\" action=\"").append(escape(base + "/outbox/retry"))
                .append("\">").append(Html.csrfField(token))
                .append("<button type=\"submit\" id=\"retry-submit\">Retry every parked line</button></form>")
                .toString();
    }
}
