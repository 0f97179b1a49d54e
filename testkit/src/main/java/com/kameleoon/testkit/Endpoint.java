package com.kameleoon.testkit;

/**
 * The endpoints that {@link KameleoonTestServer} plays; the unit of request recording
 * ({@link KameleoonTestServer#requests(Endpoint)}) and of fault injection
 * ({@link KameleoonTestServer#inject(Endpoint, Fault)}).
 */
public enum Endpoint {
    /** {@code GET /v3/{siteCode}[?environment=…][&ts=…]}: the datafile (docs/wire-format.md#datafile-request). */
    CONFIGURATION,
    /** {@code GET /sse?siteCode=…}: the real-time configuration-update stream (docs/wire-format.md#event-stream). */
    SSE,
    /** {@code POST /oauth/token}: the OAuth client-credentials token (docs/wire-format.md#oauth-token). */
    TOKEN,
    /** {@code POST /visit/events?…}: the tracking batch (docs/wire-format.md#tracking-request). Data API. */
    TRACKING,
    /** {@code GET /map/map?siteCode=…&key=…}: key/value remote data (docs/wire-format.md#key-value-data). Data API. */
    REMOTE_DATA,
    /**
     * {@code GET /visit/visitor?siteCode=…&visitorCode=…|mappingValue=…}: remote visitor data
     * (docs/wire-format.md#visitor-data-request). Data API.
     */
    VISITOR_DATA;

    /** Whether this endpoint belongs to the Data API, whose calls may carry (and may need) a bearer token. */
    boolean isDataApi() {
        return this == TRACKING || this == REMOTE_DATA || this == VISITOR_DATA;
    }
}
