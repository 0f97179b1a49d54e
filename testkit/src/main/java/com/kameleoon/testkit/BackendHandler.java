package com.kameleoon.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kameleoon.testkit.ResponseWriter.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake backend's state and its one HTTP handler: routes a request to its {@link Endpoint}, applies the next
 * fault, answers from the state, and records the request. {@link KameleoonTestServer} is its public face.
 * Thread-safe: the state parts are thread-safe and the handler keeps no per-request state in fields.
 */
final class BackendHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(KameleoonTestServer.class.getName());
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
    private static final String EMPTY_VISITOR_DATA = "{\"currentVisit\":null,\"previousVisits\":[]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Clock clock;
    final DataFileStore dataFiles;
    final SseHub streams = new SseHub();
    final TokenIssuer tokens = new TokenIssuer();
    final RequestJournal journal = new RequestJournal();
    final FaultPlan faults = new FaultPlan();
    /** Keyed by {@code List.of(siteCode, key)}. */
    final Map<List<String>, String> remoteData = new ConcurrentHashMap<>();
    /** Keyed by {@code List.of(siteCode, visitorCodeOrMappingValue)}. */
    final Map<List<String>, String> visitorData = new ConcurrentHashMap<>();
    volatile int trackingStatus = 204;

    BackendHandler(Clock clock) {
        this.clock = clock;
        this.dataFiles = new DataFileStore(clock);
    }

    /** Serves one request; never throws (a failure closes the connection). */
    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException clientGone) {
            LOG.log(System.Logger.Level.DEBUG, "client went away", clientGone);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.WARNING, "Kameleoon test server failed to answer", bug);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        Instant now = clock.instant();
        Incoming in = Incoming.read(exchange, now);
        Route route = Route.of(in.method(), in.path());
        if (route.endpoint() == null) {
            Response answer = route.rejection();
            journal.record(in.recorded(null, null, answer.status()));
            ResponseWriter.write(exchange, answer, null);
            return;
        }
        Endpoint endpoint = route.endpoint();
        Fault fault = faults.next(endpoint, now);
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.RESET) {
            journal.record(in.recorded(endpoint, fault, RecordedRequest.NO_RESPONSE));
            exchange.close(); // before any header: the connection is closed without a byte of response
            return;
        }
        if (kind == Fault.Kind.STATUS) {
            Response answer = Response.text(fault.statusCode(), "kameleoon-testkit: injected " + fault);
            journal.record(in.recorded(endpoint, fault, answer.status()));
            ResponseWriter.write(exchange, answer, null);
            return;
        }
        Duration slowChunkPause = kind == Fault.Kind.SLOW_BODY ? fault.duration() : null;
        Duration delay = kind == Fault.Kind.DELAY ? fault.duration() : null;
        if (endpoint == Endpoint.SSE) {
            serveStream(exchange, in, fault, delay, slowChunkPause);
            return;
        }
        Response answer = answer(endpoint, in, now);
        journal.record(in.recorded(endpoint, fault, answer.status()));
        if (delay != null) {
            Thread.sleep(delay.toMillis());
        }
        ResponseWriter.write(exchange, answer, slowChunkPause);
    }

    private Response answer(Endpoint endpoint, Incoming in, Instant now) {
        if (endpoint.isDataApi() && !tokens.authorize(in.header("Authorization"), now)) {
            return Response.json(401, "{\"error\":\"invalid_token\"}")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return switch (endpoint) {
            case CONFIGURATION -> configuration(in);
            case TOKEN -> token(in, now);
            case TRACKING -> Response.empty(trackingStatus);
            case REMOTE_DATA -> remoteData(in);
            case VISITOR_DATA -> visitorData(in);
            case SSE -> throw new IllegalStateException("SSE is served as a stream");
        };
    }

    private Response configuration(Incoming in) {
        String siteCode = in.path().substring(Route.CONFIGURATION_PREFIX.length());
        DataFileStore.Entry entry = dataFiles.lookup(siteCode, in.query("environment"));
        if (entry == null) {
            return Response.json(404, "{\"error\":\"unknown site code\"}");
        }
        String lastModified = entry.lastModifiedHeader();
        if (lastModified.equals(in.header("If-Modified-Since"))) {
            return Response.empty(304).withHeader("Last-Modified", lastModified);
        }
        return Response.json(200, entry.json()).withHeader("Last-Modified", lastModified);
    }

    private Response token(Incoming in, Instant now) {
        TokenIssuer.Grant grant = tokens.grant(QueryString.parse(in.bodyText()), now);
        ObjectNode json = JSON.createObjectNode();
        if (!grant.granted()) {
            return Response.json(401, json.put("error", grant.error()).toString());
        }
        json.put("access_token", grant.token()).put("expires_in", grant.expiresIn()).put("token_type", "Bearer");
        return Response.json(200, json.toString()).withHeader("Cache-Control", "no-store");
    }

    private Response remoteData(Incoming in) {
        String siteCode = in.query("siteCode");
        String key = in.query("key");
        if (siteCode == null || key == null) {
            return Response.json(400, "{\"error\":\"siteCode and key are required\"}");
        }
        return Response.json(200, remoteData.getOrDefault(List.of(siteCode, key), "{}"));
    }

    private Response visitorData(Incoming in) {
        String siteCode = in.query("siteCode");
        String code = in.query("visitorCode") != null ? in.query("visitorCode") : in.query("mappingValue");
        if (siteCode == null || code == null) {
            return Response.json(400, "{\"error\":\"siteCode and visitorCode or mappingValue are required\"}");
        }
        return Response.json(200, visitorData.getOrDefault(List.of(siteCode, code), EMPTY_VISITOR_DATA));
    }

    private void serveStream(HttpExchange exchange, Incoming in, Fault fault, Duration delay,
                             Duration slowChunkPause) throws IOException, InterruptedException {
        String siteCode = in.query("siteCode");
        if (siteCode == null || siteCode.isEmpty()) {
            Response answer = Response.text(400, "siteCode is required");
            journal.record(in.recorded(Endpoint.SSE, fault, answer.status()));
            ResponseWriter.write(exchange, answer, null);
            return;
        }
        SseStream stream;
        if (delay != null) { // recorded on arrival; the stream opens (and counts) only after the delay
            journal.record(in.recorded(Endpoint.SSE, fault, 200));
            Thread.sleep(delay.toMillis());
            stream = streams.open(siteCode);
        } else { // open first: whoever sees the request recorded can push to the stream
            stream = streams.open(siteCode);
            journal.record(in.recorded(Endpoint.SSE, fault, stream == null ? 503 : 200));
        }
        if (stream == null) { // closing
            ResponseWriter.write(exchange, Response.empty(503), null);
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            stream.pump(exchange.getResponseBody(), HEARTBEAT_INTERVAL, slowChunkPause);
        } finally {
            streams.remove(stream);
        }
    }

    /** Which endpoint a method and path go to, or the rejection of a path that matches none. */
    private record Route(Endpoint endpoint, Response rejection) {
        static final String CONFIGURATION_PREFIX = "/v3/";

        static Route of(String method, String path) {
            Endpoint endpoint;
            if (path.startsWith(CONFIGURATION_PREFIX) && path.length() > CONFIGURATION_PREFIX.length()
                    && path.indexOf('/', CONFIGURATION_PREFIX.length()) < 0) {
                endpoint = Endpoint.CONFIGURATION;
            } else {
                endpoint = switch (path) {
                    case "/sse" -> Endpoint.SSE;
                    case "/oauth/token" -> Endpoint.TOKEN;
                    case "/visit/events" -> Endpoint.TRACKING;
                    case "/map/map" -> Endpoint.REMOTE_DATA;
                    case "/visit/visitor" -> Endpoint.VISITOR_DATA;
                    default -> null;
                };
            }
            if (endpoint == null) {
                return new Route(null, Response.text(404, "kameleoon-testkit: no endpoint at " + path));
            }
            String expectedMethod = endpoint == Endpoint.TOKEN || endpoint == Endpoint.TRACKING ? "POST" : "GET";
            if (!expectedMethod.equals(method)) {
                return new Route(null, Response.text(405, "kameleoon-testkit: " + path + " expects "
                        + expectedMethod).withHeader("Allow", expectedMethod));
            }
            return new Route(endpoint, null);
        }
    }
}
