package com.kameleoon.internal.update;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.ConfigurationFetch.Outcome;
import com.kameleoon.exceptions.DataFileInvalid;
import com.kameleoon.internal.SdkInfo;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.datafile.DataFileParser;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.logging.KameleoonLogger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Fetches the datafile (docs/wire-format.md#datafile-request, #datafile-response): {@code GET /v3/{siteCode}} with the
 * SDK headers and {@code If-Modified-Since}; a 200 whose body compiles is put in force and its {@code Last-Modified}
 * kept, a 304 changes nothing, anything else keeps the previous configuration. Three attempts, without pause (Go).
 * Called from one thread at a time.
 */
public final class ConfigurationFetcher {
    private static final int ATTEMPTS = 3;

    private final HttpTransport http;
    private final Supplier<ServiceUrls> urls;
    private final ConfigurationHolder holder;
    private final String siteCode;
    private final String environment;
    private final Duration timeout;
    private volatile String lastModified;
    private volatile java.util.function.BiConsumer<String, String> onFetched = (body, modified) -> { };

    /**
     * @param http the transport
     * @param urls the URLs in force
     * @param holder where a new configuration goes
     * @param siteCode the site code
     * @param environment the environment, or null
     * @param timeout request timeout
     */
    public ConfigurationFetcher(HttpTransport http, Supplier<ServiceUrls> urls, ConfigurationHolder holder,
            String siteCode, String environment, Duration timeout) {
        this.http = http;
        this.urls = urls;
        this.holder = holder;
        this.siteCode = siteCode;
        this.environment = environment;
        this.timeout = timeout;
    }

    /**
     * @param lastModifiedValue a known {@code Last-Modified} (e.g. of a cached datafile), or null
     */
    public void setLastModified(String lastModifiedValue) {
        this.lastModified = lastModifiedValue;
    }

    /**
     * @param listener receives the body and {@code Last-Modified} of every datafile put in force by a fetch
     */
    public void onFetched(java.util.function.BiConsumer<String, String> listener) {
        this.onFetched = listener;
    }

    /** @return the {@code Last-Modified} of the datafile in force, or null */
    public String lastModified() {
        return lastModified;
    }

    /**
     * Fetches once (up to three attempts).
     *
     * @param ts the real-time event's timestamp, or null for a regular fetch
     * @return what happened: a new datafile in force, not modified, or failed with its reason (the previous
     *         configuration staying in force)
     */
    public ConfigurationFetch fetch(Long ts) {
        String failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(urls.get().configuration(siteCode, environment, ts))
                    .timeout(timeout).header("X-Kameleoon-SDK-Type", SdkInfo.NAME)
                    .header("X-Kameleoon-SDK-Version", SdkInfo.VERSION).GET();
            String known = lastModified;
            if (known != null) {
                request.header("If-Modified-Since", known);
            }
            try {
                HttpResponse<String> response = http.send(request.build());
                int status = response.statusCode();
                if (status == 304) {
                    return ended(Outcome.NOT_MODIFIED, null);
                }
                if (status == 200) {
                    Configuration parsed = DataFileParser.parse(response.body());
                    String modified = response.headers().firstValue("Last-Modified").orElse(null);
                    // Cached before it is put in force, so that whoever sees the new flags can rely on the cache.
                    onFetched.accept(response.body(), modified);
                    holder.install(parsed);
                    lastModified = modified;
                    return ended(Outcome.UPDATED, null);
                }
                failure = "HTTP " + status;
            } catch (DataFileInvalid e) {
                String reason = e.getMessage().replace(com.kameleoon.exceptions.KameleoonException.PREFIX, "");
                KameleoonLogger.error("fetched datafile rejected, previous configuration kept: " + reason);
                return ended(Outcome.FAILED, "datafile rejected: " + reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended(Outcome.FAILED, "interrupted");
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        KameleoonLogger.error("configuration fetch for site " + siteCode + " failed (" + failure
                + "); the previous configuration stays in force");
        return ended(Outcome.FAILED, failure);
    }

    private static ConfigurationFetch ended(Outcome outcome, String failure) {
        return new ConfigurationFetch(outcome, failure, Instant.now());
    }
}
