package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-repository contract on MariaDB. */
class JdbcVisitorRepositoryMariaDbTest extends JdbcVisitorRepositoryContract {
    @Override
    Vendor vendor() {
        return Vendor.MARIADB;
    }
}
