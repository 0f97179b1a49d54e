package com.kameleoon.compat;

import com.kameleoon.testkit.KameleoonTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stand-in for Kameleoon's servers that every compatibility program runs against: the testkit's fake backend
 * on 127.0.0.1, serving the example datafile for one site code, and a configuration file in the official SDK's
 * format ({@code client_id}, {@code client_secret}, ...) plus this project's base-URL keys pointing at the fake
 * backend, so that the programs create their client exactly as the official documentation does:
 * {@code KameleoonClientFactory.create(siteCode, configPath)}. Not a program itself; one per test class.
 */
final class CompatBackend implements AutoCloseable {
    /** The datafile's flags, variations and segments are those of {@code datafile.json} (the spec's example). */
    static final String DATAFILE = "/compat/datafile.json";

    private final KameleoonTestServer server;
    private final String siteCode;
    private final Path configFile;

    private CompatBackend(KameleoonTestServer server, String siteCode, Path configFile) {
        this.server = server;
        this.siteCode = siteCode;
        this.configFile = configFile;
    }

    /**
     * @param siteCode the site code the programs use; each test class has its own, since clients are kept per
     *        site code for the whole JVM
     * @param directory where to write the configuration file
     * @return the running backend
     */
    static CompatBackend start(String siteCode, Path directory) {
        KameleoonTestServer server = KameleoonTestServer.start();
        server.setCredentials("compat-client-id", "compat-client-secret");
        server.setDataFile(siteCode, null, datafile());
        String base = server.baseUri().toString();
        String properties = String.join("\n",
                "client_id=compat-client-id",
                "client_secret=compat-client-secret",
                "top_level_domain=example.com",
                "default_timeout_millisecond=3000",
                "sdk_config_url=" + base,
                "events_url=" + base,
                "data_api_url=" + base,
                "access_token_url=" + base,
                "");
        try {
            Path file = directory.resolve(siteCode + ".conf");
            Files.writeString(file, properties);
            return new CompatBackend(server, siteCode, file);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
    }

    static String datafile() {
        try (InputStream in = CompatBackend.class.getResourceAsStream(DATAFILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KameleoonTestServer server() {
        return server;
    }

    String siteCode() {
        return siteCode;
    }

    /** @return the configuration file, as the string the official {@code create(siteCode, configPath)} takes */
    String configPath() {
        return configFile.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
