package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The tracking-outbox contract on POSTGRESQL. */
class JdbcOutboxPostgreSqlTest extends JdbcOutboxContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
