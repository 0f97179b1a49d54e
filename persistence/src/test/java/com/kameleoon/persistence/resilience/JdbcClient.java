package com.kameleoon.persistence.resilience;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.ClientDependencies;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.KameleoonPersistence;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.testing.WatchedOutbox;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A client as a node of the cluster runs it: the example datafile (site {@value #SITE}, offline), the JDBC visitor
 * store and outbox of a database, tracking delivered to a testkit server every second (100 ms between attempts).
 * The relay's outbox is watched ({@link #relayOutbox()}). {@link #close()} closes the client, then the persistence.
 */
final class JdbcClient implements AutoCloseable {
    static final String SITE = "pubconf01";

    private final KameleoonPersistence persistence;
    private final WatchedOutbox relayOutbox;
    private final DefaultKameleoonClient client;

    JdbcClient(KameleoonDatabase database, JdbcOutbox.Settings settings, URI dataApiUrl) {
        this.persistence = KameleoonPersistence.create(database, SITE, 30 * 60_000L, System::currentTimeMillis,
                settings, false);
        KameleoonClientConfig config = KameleoonClientConfig.builder().dataFile(datafile()).dataApiUrl(dataApiUrl)
                .topLevelDomain("example.com").trackingIntervalMillisecond(1_000).defaultTimeoutMillisecond(5_000)
                .build();
        this.relayOutbox = new WatchedOutbox(persistence.outbox());
        this.client = new DefaultKameleoonClient(SITE, config, ClientDependencies.of(persistence.components())
                .withOutbox(relayOutbox).withRetryDelayMillis(100));
    }

    static Path datafile() {
        try {
            return Path.of(JdbcClient.class.getResource("/resilience/datafile.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    DefaultKameleoonClient client() {
        return client;
    }

    KameleoonPersistence persistence() {
        return persistence;
    }

    VisitorStore store() {
        return client.visitorStore();
    }

    JdbcOutbox outbox() {
        return (JdbcOutbox) persistence.outbox();
    }

    /** @return the same outbox as the relay sees it, to wait for the relay's next look */
    WatchedOutbox relayOutbox() {
        return relayOutbox;
    }

    @Override
    public void close() {
        client.close();
        persistence.close();
    }
}
