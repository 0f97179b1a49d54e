package com.kameleoon.internal.net;

import com.kameleoon.internal.NamedThreadFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The client's one {@link HttpClient}, running its asynchronous work on at most {@value #MAX_THREADS} daemon
 * threads named {@code kameleoon-http-…} that {@link #close()} stops; more work waits in the queue rather than
 * adding threads (a burst of slow remote-data calls used to start one thread each). Redirects are followed (as both
 * official SDKs do). The {@link HttpClient} is built at the first request, not with the transport: building it
 * loads the JDK's TLS stack (about a thousand classes, 150 ms or more in a fresh JVM), which a client that only reads
 * a local datafile never needs. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    /** The most threads the asynchronous work runs on. */
    public static final int MAX_THREADS = 8;
    private static final long IDLE_THREAD_SECONDS = 30;

    private final ThreadPoolExecutor executor;
    private final Duration connectTimeout;
    private volatile HttpClient client;

    /**
     * @param connectTimeout the connection timeout
     */
    public HttpTransport(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        this.executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("http"));
        // Threads end when idle, so that a quiet client holds none.
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Builds the JDK client now rather than at the first request, for a client that will use the network anyway: the
     * build then happens while the client is created, as it always did, and not in the middle of its first requests.
     */
    public void open() {
        client();
    }

    /** @return the JDK client, built by the first caller that needs it */
    private HttpClient client() {
        HttpClient built = client;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (client == null) {
                client = build();
            }
            return client;
        }
    }

    private HttpClient build() {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // The JDK client starts a selector thread that inherits this loader; keep a WAR's loader out of it (the first
        // request may come from a request thread of the application).
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor)
                    .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /**
     * Sends a request and waits for the whole body.
     *
     * @param request the request (with its timeout)
     * @return the response
     * @throws IOException on transport failure or timeout
     * @throws InterruptedException when interrupted
     */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a request without waiting.
     *
     * @param request the request (with its timeout)
     * @return the response, completing on a {@code kameleoon-http} thread
     */
    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        // The JDK completes this future on CompletableFuture's default pool, which on a machine with fewer than three
        // CPUs is one new thread per task: continuations attached by callers would each get a thread of their own.
        // Completing a copy on the bounded pool keeps them there.
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenCompleteAsync((response, e) -> {
        }, executor);
    }

    /**
     * Opens a streamed response (server-sent events), read line by line by the caller.
     *
     * @param request the request
     * @return the response whose body is read as it arrives
     * @throws IOException on transport failure
     * @throws InterruptedException when interrupted
     */
    public HttpResponse<java.io.InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * @param status an HTTP status
     * @return true for 2xx and 304
     */
    public static boolean isSuccess(int status) {
        return (status >= 200 && status < 300) || status == 304;
    }

    @Override
    public void close() {
        // Completions may be writing a visitor through JDBC: let them finish rather than interrupt them.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
