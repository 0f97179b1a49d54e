package com.kameleoon.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads an SSE response line by line on its own thread; the test polls the lines with a timeout. */
final class SseClient implements AutoCloseable {
    /** Put in the queue when the stream ends. */
    static final String END_OF_STREAM = "<end of stream>";

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    SseClient(Http http, String siteCode) throws IOException, InterruptedException {
        response = http.client().send(http.request("/sse?siteCode=" + siteCode,
                        "Accept", "text/event-stream", "Cache-Control", "no-cache").GET()
                        .timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // closed by the test or the server
        }
        lines.add(END_OF_STREAM);
    }

    /** @return the next line, or null if none arrived within the timeout */
    String nextLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
