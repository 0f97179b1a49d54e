package com.kameleoon.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain {@link HttpClient} over real sockets, as the SDK uses; every call is bounded in time. */
final class Http {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final URI base;

    Http(URI base) {
        this(base, newClient());
    }

    Http(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    HttpClient client() {
        return client;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** @param headers name, value, name, value, … */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return client.send(request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @param headers name, value, name, value, … */
    HttpResponse<String> post(String pathAndQuery, String body, String... headers)
            throws IOException, InterruptedException {
        return client.send(request(pathAndQuery, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String pathAndQuery, String form) throws IOException, InterruptedException {
        return post(pathAndQuery, form, "Content-Type", "application/x-www-form-urlencoded");
    }

    HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }
}
