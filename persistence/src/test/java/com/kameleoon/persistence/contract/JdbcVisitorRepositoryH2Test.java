package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-repository contract on H2. */
class JdbcVisitorRepositoryH2Test extends JdbcVisitorRepositoryContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}
