package com.kameleoon.console;

import java.time.Duration;
import java.time.Instant;

/**
 * HTML text of the console: escaping of every value that goes into a page (visitor data is user input), and the
 * page frame with its navigation and small inline style sheet. Thread-safe (stateless).
 */
final class Html {
    /** The console's pages, in navigation order: path relative to the console, title. */
    private static final String[][] NAVIGATION = {{"/", "Overview"}, {"/flags", "Flags"}, {"/visitor", "Visitor"},
        {"/outbox", "Outbox"}};

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}"
            + "header{background:#2d3142;color:#fff;padding:8px 16px}header a{color:#fff;margin-right:16px}"
            + "header b{margin-right:24px}main{padding:8px 16px}table{border-collapse:collapse;margin:8px 0}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}"
            + "code{font-size:12px;word-break:break-all}.ok{color:#17702b}.bad{color:#b00020;font-weight:bold}"
            + ".msg{background:#fff7d6;border:1px solid #e0c200;padding:6px 10px}form.inline{display:inline}";

    private Html() {
    }

    /**
     * Escapes text for HTML element content and for attribute values (double- or single-quoted).
     *
     * @param text any text, or null (rendered as nothing)
     * @return the escaped text
     */
    static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String value = String.valueOf(text);
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> null;
            };
            if (replacement == null && Character.isISOControl(c) && c != '\n' && c != '\t') {
                replacement = "&#xFFFD;";
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Escapes a value for a URL's query string (then for HTML by the caller, as any attribute).
     *
     * @param value the value
     * @return the percent-encoded value
     */
    static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param instant a moment, or null
     * @return its ISO-8601 text, or an em dash
     */
    static String time(Instant instant) {
        return instant == null ? "—" : instant.toString();
    }

    /**
     * @param epochMillis epoch milliseconds, or null
     * @return its ISO-8601 text, or an em dash
     */
    static String time(Long epochMillis) {
        return epochMillis == null ? "—" : Instant.ofEpochMilli(epochMillis).toString();
    }

    /**
     * @param duration a duration, or null
     * @return it in seconds with a unit ({@code 12 s}, {@code 3 min 4 s}), or an em dash
     */
    static String age(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /**
     * @param good whether the state is the healthy one
     * @param text what to show
     * @return the text in a span that colours it
     */
    static String state(boolean good, String text) {
        return "<span class=\"" + (good ? "ok" : "bad") + "\">" + escape(text) + "</span>";
    }

    /**
     * The whole page around a body.
     *
     * @param base the console's URL path (context path + console path), already checked to be plain
     * @param title the page title
     * @param message a message to show on top (escaped here), or null
     * @param body the page's own HTML
     * @return the HTML document
     */
    static String page(String base, String title, String message, String body) {
        StringBuilder html = new StringBuilder(2048 + body.length())
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append(" · Kameleoon console</title><style>").append(STYLE)
                .append("</style></head><body><header><b>Kameleoon console</b>");
        for (String[] entry : NAVIGATION) {
            html.append("<a href=\"").append(escape(base + entry[0])).append("\">").append(entry[1]).append("</a>");
        }
        html.append("</header><main><h1>").append(escape(title)).append("</h1>");
        if (message != null && !message.isEmpty()) {
            html.append("<p class=\"msg\" id=\"message\">").append(escape(message)).append("</p>");
        }
        return html.append(body).append("</main></body></html>\n").toString();
    }

    /**
     * A two-column table of names and values; the values are HTML already.
     *
     * @param id the table's id
     * @param rows name, HTML value, name, HTML value, …
     * @return the table
     */
    static String facts(String id, String... rows) {
        StringBuilder html = new StringBuilder("<table id=\"").append(escape(id)).append("\">");
        for (int i = 0; i + 1 < rows.length; i += 2) {
            html.append("<tr><th>").append(escape(rows[i])).append("</th><td>").append(rows[i + 1])
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    /**
     * @param token the session's CSRF token
     * @return the hidden field that carries it in a form
     */
    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"" + CsrfTokens.FIELD + "\" value=\"" + escape(token) + "\">";
    }
}
