package com.kameleoon.testkit;

/**
 * The endpoints that {@link KameleoonTestServer} plays; the unit of request recording
 * ({@link KameleoonTestServer#requests(Endpoint)}) and of fault injection
 * ({@link KameleoonTestServer#inject(Endpoint, Fault)}).
 */
public enum Endpoint {
    /** {@code GET /v3/{siteCode}[?environment=…][&ts=…]}: the datafile (protocol §8.1). */
    CONFIGURATION,
    /** {@code GET /sse?siteCode=…}: the real-time configuration-update stream (protocol §8.4). */
    SSE,
    /** {@code POST /oauth/token}: the OAuth client-credentials token (protocol §2). */
    TOKEN,
    /** {@code POST /visit/events?…}: the tracking batch (protocol §3). Data API. */
    TRACKING,
    /** {@code GET /map/map?siteCode=…&key=…}: key/value remote data (protocol §4.1). Data API. */
    REMOTE_DATA,
    /** {@code GET /visit/visitor?siteCode=…&visitorCode=…|mappingValue=…}: remote visitor data (protocol §4.2). Data API. */
    VISITOR_DATA;

    /** Whether this endpoint belongs to the Data API, whose calls may carry (and may need) a bearer token. */
    boolean isDataApi() {
        return this == TRACKING || this == REMOTE_DATA || this == VISITOR_DATA;
    }
}
