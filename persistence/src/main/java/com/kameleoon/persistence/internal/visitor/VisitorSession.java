package com.kameleoon.persistence.internal.visitor;

import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.persistence.internal.outbox.OutboxWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A visitor held in memory between the first and the last open unit of work: what was loaded (to write only
 * the difference), the visitor itself, the codes linked to it, and the tracking lines of the units, written
 * with the visitor's changes. Guarded by its own monitor; the visitor by the visitor's.
 */
final class VisitorSession {
    final String code;
    int openUnits;
    boolean loaded;
    /** The visitor, or null when the database has none (yet). */
    Visitor visitor;
    /** The code whose rows were loaded (differs from {@link #code} for a linked code). */
    String storedCode;
    boolean existedInDatabase;
    boolean expiredInDatabase;
    LegalConsent loadedConsent = LegalConsent.UNKNOWN;
    Map<VisitorRow.RowKey, VisitorRow> loadedRows = Map.of();
    final VisitorRowCodec.ConversionKeys conversionKeys = new VisitorRowCodec.ConversionKeys();
    final Set<String> linkedCodes = new LinkedHashSet<>();
    final List<OutboxWriter.Pass> pendingLines = new ArrayList<>();
    /** Serialises commits: a unit may join and end while the previous last unit is still writing. */
    final Object commitLock = new Object();

    VisitorSession(String code) {
        this.code = code;
        this.storedCode = code;
    }
}
