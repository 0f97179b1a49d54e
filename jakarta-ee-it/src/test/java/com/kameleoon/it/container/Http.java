package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP/1.1 requests for container tests. There is no cookie manager on purpose: the test sends exactly the
 * {@code Cookie} header it means to and sees every {@code Set-Cookie} the server wrote, as a visitor's browser
 * would on its next request. Thread-safe (one shared client).
 */
public final class Http {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private Http() {
    }

    /**
     * @param url an absolute URL
     * @return the response, with no cookie sent
     */
    public static HttpReply get(String url) {
        return get(url, null);
    }

    /**
     * @param url    an absolute URL
     * @param cookie the whole {@code Cookie} header value ({@code a=1; b=2}), or {@code null} for none
     * @return the response
     */
    public static HttpReply get(String url, String cookie) {
        return send(request(url, cookie).GET().build());
    }

    /**
     * @param url      an absolute URL
     * @param cookie   the whole {@code Cookie} header value, or {@code null} for none
     * @param formBody an {@code application/x-www-form-urlencoded} body, already encoded
     * @return the response
     */
    public static HttpReply post(String url, String cookie, String formBody) {
        return send(request(url, cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
                .build());
    }

    private static HttpRequest.Builder request(String url, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private static HttpReply send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpReply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
