package com.kameleoon.testdatabases;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One database server, resolved once: the external one when its URL setting is present, else the embedded one
 * the supplier starts. A failed start is remembered, so every later test reports the same cause without trying
 * again. Thread-safe.
 */
final class LazyServer {
    private static final Logger LOG = Logger.getLogger(LazyServer.class.getName());

    private final String vendor;
    private final String prefix;
    private final String defaultUser;
    private final Supplier<DatabaseServer> embedded;
    private DatabaseServer server;
    private IllegalStateException failure;

    LazyServer(String vendor, String prefix, String defaultUser, Supplier<DatabaseServer> embedded) {
        this.vendor = vendor;
        this.prefix = prefix;
        this.defaultUser = defaultUser;
        this.embedded = embedded;
    }

    synchronized DatabaseServer get() {
        if (server != null) {
            return server;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        Optional<String> url = TestSetting.read(prefix + ".url");
        try {
            server = url.isPresent() ? external(vendor, prefix, defaultUser, url.get()) : embedded.get();
        } catch (IllegalStateException e) {
            failure = e;
            throw e;
        }
        LOG.info(() -> "Test database server: " + server);
        return server;
    }

    /**
     * @param vendor a readable vendor name
     * @param prefix the settings' prefix ({@code kameleoon.test.pg})
     * @param defaultUser the account when {@code <prefix>.user} is not set
     * @param url the administration URL
     * @return the external server at that URL, with the account of the settings
     */
    static DatabaseServer external(String vendor, String prefix, String defaultUser, String url) {
        return new DatabaseServer(vendor, url, TestSetting.read(prefix + ".user").orElse(defaultUser),
                TestSetting.read(prefix + ".password").orElse(""), false);
    }
}
