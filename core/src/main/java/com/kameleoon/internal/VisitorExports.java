package com.kameleoon.internal;

import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.hybrid.EngineTrackingCode;
import com.kameleoon.internal.unit.VisitorItemCodec;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.spi.StoredVisitor;
import java.util.function.LongSupplier;

/**
 * Renders a visitor for readers outside the SDK: the hybrid-mode script for the Kameleoon JavaScript engine
 * (docs/wire-format.md#hybrid-mode) and the form a visitor repository stores. Reads only, never creates the visitor;
 * runs inside the caller's unit of work on it. Thread-safe (immutable).
 */
final class VisitorExports {
    private final ConfigurationHolder configuration;
    private final VisitorStore store;
    private final LongSupplier clock;

    /**
     * @param configuration the configuration in force
     * @param store where the unit's visitors are
     * @param clock epoch milliseconds
     */
    VisitorExports(ConfigurationHolder configuration, VisitorStore store, LongSupplier clock) {
        this.configuration = configuration;
        this.store = store;
        this.clock = clock;
    }

    /** {@link com.kameleoon.KameleoonClient#getEngineTrackingCode(String)} within an open unit. */
    String engineTrackingCode(String visitorCode) {
        Visitor visitor = store.get(visitorCode);
        if (visitor == null) {
            return EngineTrackingCode.INIT;
        }
        synchronized (visitor) {
            return EngineTrackingCode.build(visitor, configuration.get(), clock.getAsLong());
        }
    }

    /** @return the visitor serialized as a repository stores it, or null when unknown */
    StoredVisitor storedState(String visitorCode) {
        Visitor visitor = store.get(visitorCode);
        if (visitor == null) {
            return null;
        }
        synchronized (visitor) {
            return new StoredVisitor(visitorCode, visitor.timeStarted(), visitor.consent().name(), false,
                    VisitorItemCodec.encode(visitor, new VisitorItemCodec.ConversionKeys()));
        }
    }
}
