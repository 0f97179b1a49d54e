package com.kameleoon.sample;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the Kameleoon Data API's {@code POST /visit/events}: the body is the same (one tracking line per
 * text line); the lines are stored, deduplicated by nonce. Answers 200 once stored, so the relay deletes them
 * from its outbox only then; a database failure answers 503 and the relay retries.
 *
 * <p>With {@code sample.collector_secret} set, only a caller presenting it is served ({@link CollectorGate}: the
 * relay posts to {@code /collector/<secret>/visit/events}), others get 401 before their body is read. A body
 * above {@code sample.collector_max_body_bytes} gets 413 and the connection is closed, without reading past the
 * bound. No answer and no log line repeats the request path, which may hold the secret; the request carries the
 * attribute {@value #NO_ACCESS_LOG}, so that an access log configured with {@code conditionUnless} leaves it out.
 */
@WebServlet("/collector/*")
public class CollectorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Set on every collector request: Tomcat's {@code AccessLogValve conditionUnless="…"} then skips it. */
    public static final String NO_ACCESS_LOG = "kameleoon.sample.no_access_log";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(NO_ACCESS_LOG, Boolean.TRUE);
        CollectorGate gate = (CollectorGate) getServletContext().getAttribute(SampleListener.GATE);
        if (!gate.admits(request.getPathInfo(), request.getHeader(CollectorGate.HEADER))) {
            // Closing the connection spares the container from reading the refused body to reuse it.
            response.setHeader("Connection", "close");
            if (gate.isClosed()) {
                answer(response, HttpServletResponse.SC_UNAUTHORIZED, "the collector needs its shared secret "
                        + "(sample.collector_secret): post to /collector/<secret>/visit/events or send the "
                        + CollectorGate.HEADER + " header");
            } else {
                answer(response, HttpServletResponse.SC_NOT_FOUND, "the collector takes POST /collector/visit/events");
            }
            return;
        }
        byte[] raw;
        try {
            raw = gate.read(request.getInputStream(), request.getContentLengthLong());
        } catch (CollectorGate.BodyTooLarge e) {
            response.setHeader("Connection", "close");
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the body is larger than "
                    + gate.maxBodyBytes() + " bytes (sample.collector_max_body_bytes)");
            return;
        }
        List<TrackingLine> lines = new ArrayList<>();
        for (String text : new String(raw, StandardCharsets.UTF_8).split("\n")) {
            TrackingLine line = text.isBlank() ? null : TrackingLine.parse(text);
            if (line != null) {
                lines.add(line);
            }
        }
        try {
            ((CollectorStore) getServletContext().getAttribute(SampleListener.COLLECTOR)).record(lines);
        } catch (RuntimeException e) {
            log("collector could not store " + lines.size() + " lines", e);
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the lines could not be stored; retry");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /* Plain text of our own rather than the container's error page, which a relay's log may quote. */
    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }
}
