package com.kameleoon.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A browser stand-in without a cookie store: each request carries exactly the {@code Cookie} header the test
 * gives, and the answer keeps every {@code Set-Cookie}.
 */
final class WebClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer. */
    record Answer(int status, String body, List<String> setCookies) {
        /** @return the value the answer gives to a cookie, if it sets it */
        Optional<String> cookie(String name) {
            return setCookie(name).map(header -> header.substring(name.length() + 1).split(";", 2)[0]);
        }

        /** @return the whole {@code Set-Cookie} header of a cookie, if any */
        Optional<String> setCookie(String name) {
            return setCookies.stream().filter(header -> header.startsWith(name + "=")).reduce((a, b) -> b);
        }

        /** @return the value of a {@code key=value} line of a text body */
        String field(String key) {
            return body.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= in: " + body));
        }
    }

    Answer get(String url, String cookieHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "kameleoon-it/1.0");
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().allValues("Set-Cookie"));
    }
}
