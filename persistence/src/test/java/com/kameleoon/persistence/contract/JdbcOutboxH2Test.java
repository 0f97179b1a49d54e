package com.kameleoon.persistence.contract;

import com.kameleoon.persistence.testing.Vendor;

/** The tracking-outbox contract on H2. */
class JdbcOutboxH2Test extends JdbcOutboxContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}
