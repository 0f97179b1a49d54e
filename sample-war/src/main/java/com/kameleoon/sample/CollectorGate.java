package com.kameleoon.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What the collector lets in: a caller presenting the shared secret (when one is configured) with a body of at most
 * a bound. The SDK's relay cannot add a header to its tracking requests, only post to the configured Data API URL,
 * so the secret reaches the collector as the first path segment of that URL
 * ({@code <collector>/collector/<secret>/visit/events}); other clients may send it in the {@value #HEADER} header
 * instead. Immutable, thread-safe.
 */
final class CollectorGate {
    /** The header a client other than the relay may present the secret in. */
    static final String HEADER = "X-Sample-Collector-Secret";
    /** The tracking path below the collector, after the secret segment if any. */
    static final String EVENTS_PATH = "/visit/events";

    private final byte[] secret;
    private final long maxBodyBytes;

    /**
     * @param secret the shared secret, or null to admit anyone
     * @param maxBodyBytes the largest body read
     */
    CollectorGate(String secret, long maxBodyBytes) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @return the largest body read */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * @param pathInfo the path below {@code /collector}: {@code /visit/events} or {@code /<secret>/visit/events}
     * @param header the {@value #HEADER} header, or null
     * @return whether the request may post tracking lines
     */
    boolean admits(String pathInfo, String header) {
        if (pathInfo == null || !pathInfo.endsWith(EVENTS_PATH)) {
            return false;
        }
        String segment = pathInfo.substring(0, pathInfo.length() - EVENTS_PATH.length());
        if (secret == null) {
            return segment.isEmpty();
        }
        return segment.isEmpty() ? matches(header) : segment.indexOf('/', 1) < 0 && matches(segment.substring(1));
    }

    /** @return whether the collector answers only to the secret's holders */
    boolean isClosed() {
        return secret != null;
    }

    /* Constant time, so that the answer's timing tells nothing about how much of a guess was right. */
    private boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a body of at most {@link #maxBodyBytes()} bytes: a declared length above the bound is refused before
     * anything is read, an undeclared one (chunked) once one byte past the bound has arrived.
     *
     * @param body the request body
     * @param declaredLength the Content-Length, or -1 when not declared
     * @return the whole body
     * @throws BodyTooLarge when the body exceeds the bound
     * @throws IOException when reading fails
     */
    byte[] read(InputStream body, long declaredLength) throws IOException {
        if (declaredLength > maxBodyBytes) {
            throw new BodyTooLarge(maxBodyBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 8192),
                maxBodyBytes));
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBodyBytes + 1 - total))) > 0) {
            total += read;
            if (total > maxBodyBytes) {
                throw new BodyTooLarge(maxBodyBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** A body over the bound; nothing past the bound was read. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long bound) {
            super("the body is larger than " + bound + " bytes");
        }
    }
}
