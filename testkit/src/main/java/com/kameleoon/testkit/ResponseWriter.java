package com.kameleoon.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Response} to an exchange, optionally slowly. Stateless. */
final class ResponseWriter {
    private ResponseWriter() {
    }

    /** A complete answer: status, headers, body (empty = none). */
    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response empty(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }

        static Response json(int status, String json) {
            return new Response(status, Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        static Response text(int status, String text) {
            return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8));
        }

        Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body);
        }
    }

    /**
     * Sends the response. Statuses that cannot carry a body (1xx, 204, 304) are sent without one.
     *
     * @param slowChunkPause if not null, the body goes out in small chunks with this pause after each chunk but
     *     the last; an empty body waits one pause before the headers
     */
    static void write(HttpExchange exchange, Response response, Duration slowChunkPause)
            throws IOException, InterruptedException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        int status = response.status();
        boolean bodyless = status < 200 || status == 204 || status == 304;
        byte[] body = bodyless ? new byte[0] : response.body();
        if (body.length == 0) {
            if (slowChunkPause != null) {
                Thread.sleep(slowChunkPause.toMillis());
            }
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            writeBody(out, body, slowChunkPause);
        }
    }

    /** Writes bytes, in chunks of {@link Fault#SLOW_BODY_CHUNK_BYTES} with pauses if {@code slowChunkPause != null}. */
    static void writeBody(OutputStream out, byte[] bytes, Duration slowChunkPause)
            throws IOException, InterruptedException {
        if (slowChunkPause == null) {
            out.write(bytes);
            return;
        }
        for (int offset = 0; offset < bytes.length; offset += Fault.SLOW_BODY_CHUNK_BYTES) {
            int length = Math.min(Fault.SLOW_BODY_CHUNK_BYTES, bytes.length - offset);
            out.write(bytes, offset, length);
            out.flush();
            if (offset + length < bytes.length) {
                Thread.sleep(slowChunkPause.toMillis());
            }
        }
    }
}
