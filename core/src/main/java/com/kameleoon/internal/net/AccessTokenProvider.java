package com.kameleoon.internal.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.internal.cookie.UriComponent;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.logging.KameleoonLogger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * OAuth client-credentials tokens for the Data API (docs/wire-format.md#token-caching), cached in memory as the Go SDK
 * does: the token is used until 60 s before expiry, refreshed in the background from 30 min before (one refresh at a
 * time), and after a failed fetch no new attempt is made for a minute, so that an OAuth outage does not add a token
 * request to every call (PHP's idea). Neither the secret nor a token is ever logged. Thread-safe.
 */
public final class AccessTokenProvider {
    static final long EXPIRY_MARGIN_MILLIS = 60_000;
    static final long REFRESH_AHEAD_MILLIS = 1_800_000;
    static final long FAILURE_BACKOFF_MILLIS = 60_000;

    private final HttpTransport http;
    private final ServiceUrlsSource urls;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final LongSupplier clock;
    private final Executor background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Object fetchLock = new Object();
    private volatile Token token;
    private volatile long silentUntil;

    /** Where the current URLs come from (they change with the datafile). */
    @FunctionalInterface
    public interface ServiceUrlsSource {
        /** @return the URLs in force */
        ServiceUrls get();
    }

    private record Token(String value, long expiresAt, long refreshAt) {
        /* A bearer token is a credential: never in a log line or a debugger's summary. */
        @Override
        public String toString() {
            return "Token[value=****, expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
        }
    }

    /**
     * @param http the transport
     * @param urls the URLs in force
     * @param clientId the client id, or null (then no token is ever requested)
     * @param clientSecret the client secret, or null
     * @param timeout the request timeout
     * @param clock epoch milliseconds
     * @param background runs early refreshes
     */
    public AccessTokenProvider(HttpTransport http, ServiceUrlsSource urls, String clientId, String clientSecret,
            Duration timeout, LongSupplier clock, Executor background) {
        this.http = http;
        this.urls = urls;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.clock = clock;
        this.background = background;
    }

    /** @return true when credentials are configured */
    public boolean hasCredentials() {
        return clientId != null && clientSecret != null;
    }

    /**
     * Returns a usable token, fetching one when none is cached.
     *
     * @return the token, or null when none can be had (the request then goes without authorization)
     */
    public String get() {
        if (!hasCredentials()) {
            return null;
        }
        long now = clock.getAsLong();
        Token current = token;
        if (current != null && now < current.expiresAt()) {
            if (now >= current.refreshAt() && refreshing.compareAndSet(false, true)) {
                try {
                    background.execute(() -> {
                        try {
                            fetch();
                        } finally {
                            refreshing.set(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    refreshing.set(false);
                }
            }
            return current.value();
        }
        if (now < silentUntil) {
            return null;
        }
        synchronized (fetchLock) {
            current = token;
            if (current != null && clock.getAsLong() < current.expiresAt()) {
                return current.value();
            }
            if (clock.getAsLong() < silentUntil) {
                return null;
            }
            Token fetched = fetch();
            return fetched == null ? null : fetched.value();
        }
    }

    /**
     * Forgets a token the Data API rejected (401), if it is still the cached one.
     *
     * @param rejected the token sent with the rejected request
     */
    public void invalidate(String rejected) {
        Token current = token;
        if (current != null && current.value().equals(rejected)) {
            token = null;
        }
    }

    private Token fetch() {
        String body = "grant_type=client_credentials&client_id=" + UriComponent.encode(clientId) + "&client_secret="
                + UriComponent.encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(urls.get().token()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request);
            if (response.statusCode() != 200) {
                return failed("token request answered HTTP " + response.statusCode());
            }
            JsonNode json = JsonTreeReader.SHARED.readTree(response.body());
            String value = json.path("access_token").asText("");
            long expiresIn = json.path("expires_in").asLong(0);
            if (value.isEmpty() || expiresIn <= 0) {
                return failed("token response has no access_token or expires_in");
            }
            long now = clock.getAsLong();
            long expiresInMillis = expiresIn * 1000;
            if (expiresInMillis <= EXPIRY_MARGIN_MILLIS) {
                KameleoonLogger.error("access token lives " + expiresIn + " s, too short to cache");
            }
            long expiresAt = now + expiresInMillis - EXPIRY_MARGIN_MILLIS;
            long refreshAt = expiresInMillis > REFRESH_AHEAD_MILLIS ? now + expiresInMillis - REFRESH_AHEAD_MILLIS
                    : expiresAt;
            Token fetched = new Token(value, expiresAt, refreshAt);
            token = fetched;
            silentUntil = 0;
            return fetched;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return failed("token request failed: " + e.getClass().getSimpleName());
        }
    }

    private Token failed(String why) {
        silentUntil = clock.getAsLong() + FAILURE_BACKOFF_MILLIS;
        KameleoonLogger.error(why + "; Data API calls go without authorization for the next minute");
        return null;
    }
}
