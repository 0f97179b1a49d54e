package com.kameleoon.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request as read off the wire, before it is answered. Immutable once read. */
record Incoming(String method, String path, String rawQuery, Map<String, List<String>> query,
                Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    /** Reads the request line, headers and the whole body. */
    static Incoming read(HttpExchange exchange, Instant now) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String path = uri.getPath() == null ? "" : uri.getPath();
        return new Incoming(exchange.getRequestMethod(), path, rawQuery, QueryString.parse(rawQuery),
                Map.copyOf(exchange.getRequestHeaders()), body, now);
    }

    /** @return the first value of a query parameter, or null */
    String query(String name) {
        return QueryString.first(query, name);
    }

    /** @return the first value of a header (any case), or null */
    String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the request as recorded, with its endpoint (null = unmatched), applied fault and answer status */
    RecordedRequest recorded(Endpoint endpoint, Fault fault, int responseStatus) {
        return new RecordedRequest(endpoint, method, path, rawQuery, query, headers, body, receivedAt, fault,
                responseStatus);
    }
}
