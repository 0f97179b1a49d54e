package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-store contract on MARIADB. */
class JdbcVisitorStoreMariaDbTest extends JdbcVisitorStoreContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}
