package com.kameleoon.benchmarks.officialsdk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Stands in for Kameleoon's servers on 127.0.0.1:443 so that the official SDK starts offline. Version 4.5.0 cannot
 * read a local datafile and its URLs are fixed {@code https://<host>.kameleoon.<tld>/…} constants. Its proxy
 * setting cannot help either: it turns the proxy into {@code new HttpHost(proxy.toURI())}, whose host name is then
 * {@code http://127.0.0.1:<port>}, which no resolver knows. So the SDK's JVM is started with
 * {@code -Djdk.net.hosts.file} naming 127.0.0.1 for the Kameleoon host names, and trusts this server's
 * certificate, made for the run, through {@code -Djavax.net.ssl.trustStore}.
 *
 * <p>{@code GET /<site code>} (or {@code /v3/<site code>}) to {@code sdk-config.kameleoon.eu} is answered with {@code <directory>/<site
 * code>.json}; every other request (tracking) gets {@code 204} and is counted, so that the run can say what the SDK
 * sent. {@code POST /oauth/token} gets a placeholder token (both SDKs ask for one when given credentials).
 * {@code LocalKameleoonServer <datafile directory> <ready file> <PKCS12 key store> <password> [port]} writes
 * the ready file once listening and, on SIGTERM, the request counts to {@code <ready file>.requests}. HTTP/1.1 with
 * keep-alive (the SDK negotiates it when no ALPN protocol is offered).
 */
public final class LocalKameleoonServer {
    /** A placeholder access token: nothing checks it, the SDKs only need a well-formed answer. */
    private static final byte[] TOKEN = "{\"access_token\":\"e30.e30.e30\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
            .getBytes(StandardCharsets.US_ASCII);

    private final Path datafiles;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    private LocalKameleoonServer(Path datafiles) {
        this.datafiles = datafiles.toAbsolutePath().normalize();
    }

    /**
     * @param args see the class comment
     * @throws Exception when the key store cannot be read or the port not bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LocalKameleoonServer <datafile directory> <ready file> <key store> <password> [port]");
            System.exit(64);
        }
        char[] password = args[3].toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[2])) {
            keys.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        LocalKameleoonServer server = new LocalKameleoonServer(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.writeCounts(Path.of(args[1] + ".requests"))));
        int port = args.length > 4 ? Integer.parseInt(args[4]) : 443;
        try (ServerSocket socket = tls.getServerSocketFactory().createServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 256);
            Path temporary = Path.of(args[1] + ".tmp");
            Files.writeString(temporary, Integer.toString(socket.getLocalPort()));
            // Moved into place so that the script never reads a half-written file.
            Files.move(temporary, Path.of(args[1]), StandardCopyOption.ATOMIC_MOVE);
            while (true) {
                Socket connection = socket.accept();
                Thread thread = new Thread(() -> server.serve(connection), "kameleoon-server-connection");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** Answers HTTP/1.1 requests on one connection until the client closes it. */
    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                String requestLine = readLine(in);
                if (requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                String host = "?";
                long length = 0;
                boolean chunked = false;
                for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("host:")) {
                        host = lower.substring(5).trim().replaceFirst(":\\d+$", "");
                    } else if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                skipBody(in, length, chunked);
                String path = parts.length > 1 ? parts[1] : "/";
                byte[] body = configuration(host, parts[0], path);
                if (body == null && path.startsWith("/oauth/token")) {
                    body = TOKEN;
                }
                if (body != null) {
                    count((body == TOKEN ? "token " : "configuration ") + host);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                } else {
                    count(parts[0] + " " + host + path.replaceFirst("\\?.*", ""));
                    out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException e) {
            // The SDK closes idle pooled connections; nothing to report.
        }
    }

    /** @return the datafile for a configuration request, or null for any other request */
    private byte[] configuration(String host, String method, String path) throws IOException {
        if (!host.startsWith("sdk-config.") || !method.equals("GET")) {
            return null;
        }
        // The last path segment: the official SDK asks for /<site code>, this project for /v3/<site code>.
        String site = path.replaceFirst("\\?.*$", "").replaceFirst("^.*/", "");
        Path file = datafiles.resolve(site + ".json").normalize();
        if (site.isEmpty() || !file.startsWith(datafiles) || !Files.isRegularFile(file)) {
            return null;
        }
        return Files.readAllBytes(file);
    }

    private void count(String what) {
        requests.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    private void writeCounts(Path file) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(requests).forEach((what, n) -> text.append(n.get()).append('\t').append(what).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private static void skipBody(InputStream in, long length, boolean chunked) throws IOException {
        if (!chunked) {
            in.skipNBytes(length);
            return;
        }
        for (long size = Long.parseLong(readLine(in).split(";")[0].trim(), 16); size > 0;
                size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) {
            in.skipNBytes(size);
            readLine(in);
        }
        for (String trailer = readLine(in); !trailer.isEmpty(); trailer = readLine(in)) {
            // Trailers carry nothing the server needs.
        }
    }

    /** @return the next CRLF-terminated line without its terminator; empty at the end of the stream */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
