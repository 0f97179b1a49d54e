package com.kameleoon.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open SSE response. Test threads {@link #send enqueue} frames; the server thread that owns the exchange
 * {@link #pump writes} them, plus a heartbeat comment when idle, until the stream is {@link #end ended} or a
 * write fails (the client went away). Thread-safe.
 */
final class SseStream {
    /** The comment frame written when idle or on demand; clients ignore it, a dead client makes it fail. */
    static final String HEARTBEAT = ": heartbeat\n\n";

    private static final Object END = new Object();

    private final String siteCode;
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();

    SseStream(String siteCode) {
        this.siteCode = siteCode;
    }

    String siteCode() {
        return siteCode;
    }

    void send(String frame) {
        frames.add(frame);
    }

    /** Asks the owning thread to finish the response (the client sees the body end). */
    void end() {
        frames.add(END);
    }

    /**
     * Writes frames until ended, interrupted or the client is gone.
     *
     * @param out the response body (chunked)
     * @param heartbeatInterval idle time after which a heartbeat is written
     * @param slowChunkPause if not null, each frame is written in small chunks with this pause after each
     */
    void pump(OutputStream out, Duration heartbeatInterval, Duration slowChunkPause) {
        try {
            while (true) {
                Object frame = frames.poll(heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == END) {
                    return;
                }
                byte[] bytes = (frame == null ? HEARTBEAT : (String) frame).getBytes(StandardCharsets.UTF_8);
                ResponseWriter.writeBody(out, bytes, slowChunkPause);
                out.flush();
            }
        } catch (IOException clientGone) {
            // the client disconnected: nothing to do, the caller unregisters the stream
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
