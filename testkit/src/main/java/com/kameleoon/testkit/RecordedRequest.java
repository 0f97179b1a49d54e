package com.kameleoon.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as {@link KameleoonTestServer} received it: method, path, query, headers, body, and how it was
 * answered. Immutable and thread-safe.
 */
public final class RecordedRequest {
    /** {@link #responseStatus()} of a request whose connection was closed without an answer ({@link Fault#reset()}). */
    public static final int NO_RESPONSE = -1;

    private final Endpoint endpoint;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> queryParams;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;
    private final Fault fault;
    private final int responseStatus;

    RecordedRequest(Endpoint endpoint, String method, String path, String rawQuery,
                    Map<String, List<String>> queryParams, Map<String, List<String>> headers, byte[] body,
                    Instant receivedAt, Fault fault, int responseStatus) {
        this.endpoint = endpoint;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.queryParams = QueryString.freeze(queryParams);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> h.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        h.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body.clone();
        this.receivedAt = receivedAt;
        this.fault = fault;
        this.responseStatus = responseStatus;
    }

    /** @return the endpoint the request was routed to, or {@code null} for a request that matched none */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the HTTP method, e.g. {@code GET} */
    public String method() {
        return method;
    }

    /** @return the decoded path, e.g. {@code /v3/my-site} */
    public String path() {
        return path;
    }

    /** @return the query string exactly as sent (still percent-encoded, parameter order kept), or {@code ""} */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * @return the decoded query parameters in the order of their first occurrence; a parameter without {@code =}
     *     has the value {@code ""}; unmodifiable
     */
    public Map<String, List<String>> queryParams() {
        return queryParams;
    }

    /**
     * @param name a query parameter name
     * @return its first decoded value, or {@code null} if absent
     */
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the request headers; the map's keys are case-insensitive; unmodifiable */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value, or {@code null} if absent
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the body decoded as UTF-8 ({@code ""} when there was none) */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return a copy of the raw body bytes */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /**
     * The body split into lines on LF, as the Data API reads a tracking body (docs/wire-format.md#body-framing): a
     * trailing LF does not make an empty last line, an empty body has no line, a CR is kept as part of its line.
     *
     * @return the lines, unmodifiable
     */
    public List<String> bodyLines() {
        return TrackingBody.lines(body());
    }

    /** @return when the server received the request */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the fault applied to this request, or {@code null} if it was served normally */
    public Fault fault() {
        return fault;
    }

    /** @return whether a fault was applied to this request */
    public boolean faulted() {
        return fault != null;
    }

    /**
     * @return the HTTP status the server answered (or decided to answer, for a delayed answer), or
     *     {@link #NO_RESPONSE} if the connection was closed without an answer
     */
    public int responseStatus() {
        return responseStatus;
    }

    /** A one-line description: method, path and query, answer status, fault. */
    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " -> "
                + (responseStatus == NO_RESPONSE ? "no response" : Integer.toString(responseStatus))
                + (fault == null ? "" : " [" + fault + "]");
    }
}
