package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-store contract on POSTGRESQL. */
class JdbcVisitorStorePostgreSqlTest extends JdbcVisitorStoreContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
