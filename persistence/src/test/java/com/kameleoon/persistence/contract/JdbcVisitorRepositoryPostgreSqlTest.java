package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-repository contract on PostgreSQL. */
class JdbcVisitorRepositoryPostgreSqlTest extends JdbcVisitorRepositoryContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
