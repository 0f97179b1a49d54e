package com.kameleoon.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fake Kameleoon backend on a real loopback HTTP port, for tests: it serves datafiles (with
 * {@code Last-Modified} / {@code 304}), pushes real-time configuration updates over SSE, issues OAuth tokens,
 * captures tracking bodies, answers remote-data calls, records every request and injects faults.
 *
 * <pre>{@code
 * try (KameleoonTestServer server = KameleoonTestServer.start()) {
 *     server.setDataFile("my-site", null, Path.of("src/test/resources/datafile.json"));
 *     server.setCredentials("my-client-id", "my-client-secret");
 *
 *     KameleoonClientConfig config = KameleoonClientConfig.builder()
 *             .clientId("my-client-id").clientSecret("my-client-secret")
 *             .sdkConfigUrl(server.baseUri()).eventsUrl(server.baseUri())
 *             .accessTokenUrl(server.baseUri()).dataApiUrl(server.baseUri())
 *             .build();
 *     try (KameleoonClient client = KameleoonClientFactory.create("my-site", config)) {
 *         client.waitInit().get(5, TimeUnit.SECONDS);
 *         client.getVariation("visitor-1", "new_checkout");   // tracked
 *         client.flush();
 *         List<String> lines = server.awaitTrackingLines(1, Duration.ofSeconds(5));
 *         assertThat(lines.get(0)).contains("eventType=experiment").contains("visitorCode=visitor-1");
 *
 *         server.inject(Endpoint.TRACKING, Fault.status(503).times(2));   // two failures, then accepted
 *         server.downFor(Endpoint.CONFIGURATION, Duration.ofSeconds(30)); // 503 for 30 s
 *
 *         server.awaitOpenStreams("my-site", 1, Duration.ofSeconds(5));   // datafile with realTimeUpdate: true
 *         server.setDataFile("my-site", null, updatedJson);
 *         server.pushConfigurationUpdate("my-site", System.currentTimeMillis());
 *     }
 * }
 * }</pre>
 *
 * <h2>What it answers</h2>
 * Point all four base URLs of the SDK at {@link #baseUri()}; the server routes on the standard paths:
 * <ul>
 *   <li>{@code GET /v3/{siteCode}[?environment=…][&ts=…]} ({@link Endpoint#CONFIGURATION}): the datafile set with
 *       {@link #setDataFile(String, String, String)} for that environment, else the site's default one (set with
 *       a {@code null} environment), as {@code application/json} with {@code Last-Modified}; {@code 304} without
 *       a body when {@code If-Modified-Since} equals the current {@code Last-Modified} exactly; {@code 404} when
 *       the site has no datafile. The JSON is served verbatim, never validated (so a test can serve a broken one).</li>
 *   <li>{@code GET /sse?siteCode=…} ({@link Endpoint#SSE}): a {@code text/event-stream} kept open until the
 *       client leaves, {@link #closeStreams(String)} or {@link #close()}; carries
 *       {@link #pushConfigurationUpdate(String, long)} events and a {@code ": heartbeat"} comment every 15 s of
 *       silence (or on {@link #sendHeartbeat()}). A client that left is noticed when a write to it fails, which
 *       may take two writes.</li>
 *   <li>{@code POST /oauth/token} ({@link Endpoint#TOKEN}): a form
 *       {@code grant_type=client_credentials&client_id=…&client_secret=…} gets
 *       {@code {"access_token":"…","expires_in":…,"token_type":"Bearer"}}; a wrong grant type or wrong
 *       credentials get {@code 401} with {@code {"error":"unsupported_grant_type"|"invalid_client"}}. Until
 *       {@link #setCredentials(String, String)} is called, any non-empty id and secret are accepted. The
 *       {@code Content-Type} is not checked (tests can assert it on the recorded request).</li>
 *   <li>{@code POST /visit/events?…} ({@link Endpoint#TRACKING}): the body is captured; answers {@code 204}
 *       (see {@link #setTrackingStatus(int)}).</li>
 *   <li>{@code GET /map/map?siteCode=…&key=…} ({@link Endpoint#REMOTE_DATA}): the JSON set with
 *       {@link #setRemoteData(String, String, String)}, or {@code {}} for an unknown key.</li>
 *   <li>{@code GET /visit/visitor?siteCode=…&visitorCode=…|mappingValue=…} ({@link Endpoint#VISITOR_DATA}): the
 *       JSON set with {@link #setVisitorData(String, String, String)}, or
 *       {@code {"currentVisit":null,"previousVisits":[]}}.</li>
 * </ul>
 * A Data API call (the last three) missing a required query parameter ({@code siteCode}, {@code key},
 * {@code visitorCode}/{@code mappingValue}) gets {@code 400}; any other path gets {@code 404} (wrong method:
 * {@code 405}) and is kept in {@link #unmatchedRequests()}.
 *
 * <h2>Authorization</h2>
 * A Data API call carrying {@code Authorization: Bearer <token>} with a token this server issued that was
 * {@linkplain #revokeTokens() revoked} or has expired ({@code expires_in} elapsed) gets {@code 401}. With
 * {@link #requireAuthorization(boolean) requireAuthorization(true)}, so does every Data API call without a valid
 * issued token. Configuration, SSE and token requests are never checked.
 *
 * <h2>Faults</h2>
 * {@link #inject(Endpoint, Fault)} queues a {@link Fault} per endpoint; per endpoint, faults apply in injection
 * order, each to its {@link Fault#times(int) n} requests (a fault without a limit applies until
 * {@link #clearFaults()} and hides faults injected after it). {@link #downFor(Endpoint, Duration)} goes ahead of
 * them. Faults are applied before authorization and routing to a canned answer.
 *
 * <h2>Threads</h2>
 * Thread-safe: every method may be called from any thread while the server serves. The server's threads are
 * daemon threads named {@code kameleoon-testkit-<port>-…}; {@link #close()} stops them all.
 */
public final class KameleoonTestServer implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final ServerThreads threads;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private final BackendHandler backend;
    private volatile boolean closed;

    private KameleoonTestServer(Clock clock) throws Exception {
        this.clock = clock;
        this.backend = new BackendHandler(clock);
        threads = new ServerThreads();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads);
        server = threads.start(new ServerThreads.Starter<HttpServer>() {
            @Override
            public HttpServer start() throws IOException {
                HttpServer s = HttpServer.create(loopback, 50);
                s.createContext("/", backend);
                s.setExecutor(executor);
                s.start();
                return s;
            }

            @Override
            public int port(HttpServer started) {
                return started.getAddress().getPort();
            }
        });
        int port = server.getAddress().getPort();
        baseUri = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts a server on a free port of 127.0.0.1 (never on another interface).
     *
     * @return the running server; close it (try-with-resources) when done
     * @throws UncheckedIOException if no port could be bound
     */
    public static KameleoonTestServer start() {
        return startOnClock(Clock.systemUTC());
    }

    /**
     * Starts a server that reads the time from {@code clock} (for {@link #downFor} and the other instants it
     * keeps), so that this package's tests can let time pass without waiting.
     *
     * @param clock the server's clock
     * @return the running server
     */
    static KameleoonTestServer startOnClock(Clock clock) {
        try {
            return new KameleoonTestServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kameleoon test server", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Kameleoon test server", e);
        }
    }

    /** @return the server's base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash) */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the bound port */
    public int port() {
        return baseUri.getPort();
    }

    // ----------------------------------------------------------------------------------------- datafiles

    /**
     * Serves {@code json} as the datafile of a site (and environment) from now on, with a new {@code Last-Modified}:
     * the current second, or one second after the previous one of the same site and environment, so that it
     * strictly increases even when set twice within a second.
     *
     * @param siteCode the site code of the path {@code /v3/{siteCode}}
     * @param environment the {@code environment} query value it answers, or {@code null} (or empty) for the
     *     site's default datafile, which also answers environments without a datafile of their own
     * @param json the body to serve, verbatim (not validated)
     */
    public void setDataFile(String siteCode, String environment, String json) {
        backend.dataFiles.put(siteCode, environment, Objects.requireNonNull(json, "json"));
    }

    /**
     * Serves a file's content (UTF-8) as a datafile; see {@link #setDataFile(String, String, String)}.
     *
     * @param siteCode the site code
     * @param environment the environment, or {@code null} for the default datafile
     * @param file the datafile
     * @throws UncheckedIOException if the file cannot be read
     */
    public void setDataFile(String siteCode, String environment, Path file) {
        try {
            setDataFile(siteCode, environment, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read datafile " + file, e);
        }
    }

    /**
     * Serves a datafile declared in code as the site's default datafile; see
     * {@link #setDataFile(String, String, String)}.
     *
     * @param siteCode the site code
     * @param dataFile the datafile
     */
    public void setDataFile(String siteCode, TestDataFile dataFile) {
        setDataFile(siteCode, null, Objects.requireNonNull(dataFile, "dataFile").toJson());
    }

    /**
     * Serves a new datafile to the site and tells its streaming clients at once, over the real SSE stream, as the
     * Kameleoon app does when a flag is changed; each client then fetches it. The datafile is served with real-time
     * update on, so that clients keep streaming. Only clients whose current datafile has real-time update on have
     * a stream to hear this on (the others see it at their next poll); this method does not wait for them (see
     * {@link TestSite#update(TestDataFile)}, which does).
     *
     * @param siteCode the site code
     * @param dataFile the new datafile
     */
    public void update(String siteCode, TestDataFile dataFile) {
        setDataFile(siteCode, Objects.requireNonNull(dataFile, "dataFile").withRealTimeUpdate(true));
        pushConfigurationUpdate(siteCode, clock.millis());
    }

    /**
     * Stops serving the datafile of a site and environment (then requests fall back to the default datafile, or
     * get {@code 404}).
     *
     * @param siteCode the site code
     * @param environment the environment, or {@code null} for the default datafile
     */
    public void removeDataFile(String siteCode, String environment) {
        backend.dataFiles.remove(siteCode, environment);
    }

    /**
     * @param siteCode the site code
     * @param environment the environment, or {@code null} for the default datafile
     * @return the {@code Last-Modified} value served with exactly that datafile, or {@code null} if none is set
     */
    public String lastModified(String siteCode, String environment) {
        DataFileStore.Entry entry = backend.dataFiles.get(siteCode, environment);
        return entry == null ? null : entry.lastModifiedHeader();
    }

    // ----------------------------------------------------------------------------------------------- SSE

    /**
     * Writes {@code event: configuration-update-event\ndata: {"ts":<ts>}\n\n} to every open stream of the site,
     * flushed at once (asynchronously: this method does not wait for the write).
     *
     * @param siteCode the site code of the streams
     * @param ts the event's timestamp (epoch ms)
     */
    public void pushConfigurationUpdate(String siteCode, long ts) {
        backend.streams.send(siteCode, "event: configuration-update-event\ndata: {\"ts\":" + ts + "}\n\n");
    }

    /**
     * @param siteCode the site code
     * @return how many SSE streams of the site are open (a client that left counts until a write to it failed)
     */
    public int openStreams(String siteCode) {
        return backend.streams.count(siteCode);
    }

    /**
     * Blocks until exactly {@code n} SSE streams of the site are open, e.g. until the SDK has connected.
     *
     * @param siteCode the site code
     * @param n the expected number of open streams
     * @param timeout the longest wait
     * @throws AssertionError on timeout, with the number of open streams
     */
    public void awaitOpenStreams(String siteCode, int n, Duration timeout) {
        backend.streams.await(siteCode, n, timeout);
    }

    /**
     * Ends the site's SSE streams server-side (each response body completes); they stop counting as open at once.
     *
     * @param siteCode the site code
     */
    public void closeStreams(String siteCode) {
        backend.streams.close(siteCode);
    }

    /** Writes a heartbeat comment to every open stream now, so that streams of clients that left are noticed. */
    public void sendHeartbeat() {
        backend.streams.sendToAll(SseStream.HEARTBEAT);
    }

    // --------------------------------------------------------------------------------------------- OAuth

    /**
     * Sets the only credentials the token endpoint accepts from now on.
     *
     * @param clientId the expected {@code client_id}
     * @param clientSecret the expected {@code client_secret}
     */
    public void setCredentials(String clientId, String clientSecret) {
        backend.tokens.setCredentials(Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(clientSecret, "clientSecret"));
    }

    /**
     * Sets the {@code expires_in} of tokens issued from now on (default 3600); a token is refused by the Data API
     * once that many seconds have passed since it was issued.
     *
     * @param seconds the lifetime; 0 issues tokens that are already expired
     * @throws IllegalArgumentException if negative
     */
    public void setTokenLifetimeSeconds(int seconds) {
        backend.tokens.setLifetimeSeconds(seconds);
    }

    /** @return every access token issued so far (revoked and expired ones included), in issue order; a copy */
    public Set<String> issuedTokens() {
        return backend.tokens.issued();
    }

    /** Revokes every token issued so far: Data API calls carrying one of them get {@code 401} from now on. */
    public void revokeTokens() {
        backend.tokens.revokeAll();
    }

    /**
     * When {@code true}, Data API calls without {@code Authorization: Bearer <issued, unrevoked, unexpired token>}
     * get {@code 401}. Default {@code false} (the SDK may call without a token, docs/wire-format.md#request-behaviour).
     *
     * @param required whether a valid token is required
     */
    public void requireAuthorization(boolean required) {
        backend.tokens.requireAuthorization(required);
    }

    // ------------------------------------------------------------------------------------------ tracking

    /**
     * The captured tracking lines, in arrival order: the LF-separated lines of every tracking request whose answer the
     * SDK takes as delivered (2xx or 403, docs/wire-format.md#status-codes) and that was not answered by a
     * {@link Fault#status} or {@link Fault#reset} fault. (A retried batch therefore appears once per accepted attempt.)
     * All requests, rejected ones included, are in {@link #trackingRequests()}.
     *
     * @return a copy of the lines
     */
    public List<String> trackingLines() {
        return backend.journal.trackingLines();
    }

    /** @return every {@code POST /visit/events} received, in arrival order, faulted or not; a copy */
    public List<RecordedRequest> trackingRequests() {
        return backend.journal.requests(Endpoint.TRACKING);
    }

    /**
     * Blocks until at least {@code n} tracking lines (see {@link #trackingLines()}) have arrived.
     *
     * @param n the number of lines to wait for
     * @param timeout the longest wait
     * @return all tracking lines so far (at least {@code n})
     * @throws AssertionError on timeout, listing the lines and tracking requests that did arrive
     */
    public List<String> awaitTrackingLines(int n, Duration timeout) {
        return backend.journal.awaitTrackingLines(n, timeout);
    }

    /**
     * Blocks until the captured tracking lines satisfy {@code done} or the timeout passes.
     *
     * @return true when satisfied, false on timeout
     */
    boolean awaitTracking(Predicate<List<String>> done, Duration timeout) {
        return backend.journal.awaitTrackingLines(done, timeout);
    }

    /** Forgets the captured tracking lines and tracking requests. */
    public void clearTracking() {
        backend.journal.clearTracking();
    }

    /**
     * Sets the status of normal tracking answers (default {@code 204}); e.g. {@code 403} as the Data API answers
     * for a visitor it takes for a bot, or a permanent {@code 500}.
     *
     * @param status an HTTP status, 100 to 599
     */
    public void setTrackingStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599: " + status);
        }
        backend.trackingStatus = status;
    }

    // --------------------------------------------------------------------------------------- remote data

    /**
     * Sets the answer of {@code GET /map/map?siteCode=<siteCode>&key=<key>} (an unknown key gets {@code {}}).
     *
     * @param siteCode the site code
     * @param key the key
     * @param json the body to serve, verbatim
     */
    public void setRemoteData(String siteCode, String key, String json) {
        backend.remoteData.put(List.of(siteCode, key), Objects.requireNonNull(json, "json"));
    }

    /**
     * Sets the answer of {@code GET /visit/visitor?siteCode=<siteCode>&visitorCode=<code>} (or
     * {@code mappingValue=<code>}); an unknown visitor gets {@code {"currentVisit":null,"previousVisits":[]}}.
     *
     * @param siteCode the site code
     * @param visitorCodeOrMappingValue the visitor code or mapping value
     * @param json the body to serve, verbatim
     */
    public void setVisitorData(String siteCode, String visitorCodeOrMappingValue, String json) {
        backend.visitorData.put(List.of(siteCode, visitorCodeOrMappingValue), Objects.requireNonNull(json, "json"));
    }

    // ---------------------------------------------------------------------------------------- recordings

    /**
     * @param endpoint an endpoint
     * @return every request of that endpoint received so far, in arrival order, faulted or not; a copy
     */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return backend.journal.requests(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Blocks until at least {@code n} requests of the endpoint have been received.
     *
     * @param endpoint an endpoint
     * @param n the number of requests to wait for
     * @param timeout the longest wait
     * @return all requests of the endpoint so far (at least {@code n})
     * @throws AssertionError on timeout, listing the requests that did arrive
     */
    public List<RecordedRequest> awaitRequests(Endpoint endpoint, int n, Duration timeout) {
        return backend.journal.awaitRequests(Objects.requireNonNull(endpoint, "endpoint"), n, timeout);
    }

    /** @return requests that matched no endpoint (answered 404 or 405), in arrival order; a copy */
    public List<RecordedRequest> unmatchedRequests() {
        return backend.journal.unmatched();
    }

    /** Forgets every recorded request, of all endpoints, and the tracking lines. */
    public void clearRequests() {
        backend.journal.clearAll();
    }

    // -------------------------------------------------------------------------------------------- faults

    /**
     * Queues a fault for the endpoint's next requests (see the class comment for the order).
     *
     * @param endpoint the endpoint
     * @param fault the fault
     */
    public void inject(Endpoint endpoint, Fault fault) {
        backend.faults.add(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Answers every request of the endpoint with {@code 503} until {@code duration} from now has passed, ahead of
     * any injected fault.
     *
     * @param endpoint the endpoint
     * @param duration how long it is down
     */
    public void downFor(Endpoint endpoint, Duration duration) {
        backend.faults.downUntil(Objects.requireNonNull(endpoint, "endpoint"), Fault.status(503),
                clock.instant().plus(duration));
    }

    /** Removes every injected fault, {@link #downFor} included. */
    public void clearFaults() {
        backend.faults.clear();
    }

    // --------------------------------------------------------------------------------------------- close

    /**
     * Stops the server: ends the SSE streams, closes every connection, and waits (at most a few seconds) for its
     * threads to end. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        backend.streams.closeAll();
        server.stop(0);
        executor.shutdownNow();
        boolean interrupted = false;
        try {
            executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            threads.join(CLOSE_TIMEOUT);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's address, for failure messages. */
    @Override
    public String toString() {
        return "KameleoonTestServer[" + baseUri + (closed ? ", closed]" : "]");
    }
}
