package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The tracking-outbox contract on MARIADB. */
class JdbcOutboxMariaDbTest extends JdbcOutboxContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}
