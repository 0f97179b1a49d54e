package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.persistence.internal.visitor.JdbcVisitorStore;
import com.kameleoon.persistence.testing.TestDatabases;
import com.kameleoon.persistence.testing.Vendor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.internal.visitor.VisitorStoreContractTest;
import org.junit.jupiter.api.AfterAll;

/** The visitor-store contract on a database vendor (a subclass per vendor); time passes for real. */
abstract class JdbcVisitorStoreContract extends VisitorStoreContractTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** @return the vendor under test */
    abstract Vendor vendor();

    @Override
    protected long sessionMillis() {
        return 2_000;
    }

    @Override
    protected VisitorStore createStore(long sessionMillis) {
        KameleoonDatabase database = DATABASES.migrated(vendor());
        return new JdbcVisitorStore(database, "contract", sessionMillis, System::currentTimeMillis,
                new JdbcOutbox(database, "contract", JdbcOutbox.Settings.DEFAULT));
    }

    @Override
    protected void advance(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
