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
 */
@WebServlet("/collector/visit/events")
public class CollectorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<TrackingLine> lines = new ArrayList<>();
        for (String raw : body.split("\n")) {
            TrackingLine line = raw.isBlank() ? null : TrackingLine.parse(raw);
            if (line != null) {
                lines.add(line);
            }
        }
        try {
            ((CollectorStore) getServletContext().getAttribute(SampleListener.COLLECTOR)).record(lines);
        } catch (RuntimeException e) {
            log("collector could not store " + lines.size() + " lines", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
