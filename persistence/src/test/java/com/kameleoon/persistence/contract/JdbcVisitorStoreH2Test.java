package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The visitor-store contract on H2. */
class JdbcVisitorStoreH2Test extends JdbcVisitorStoreContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}
