package com.kameleoon.internal.unit;

import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.spi.ItemKey;
import com.kameleoon.spi.VisitorItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A visitor held in memory while units of work are open on it: what was loaded (to write only the difference),
 * the visitor itself, the codes linked to it, and the tracking lines produced since the last write. Guarded by its
 * own monitor; the visitor by the visitor's.
 */
final class UnitSession {
    final String code;
    int openUnits;
    boolean loaded;
    /** The visitor, or null when the repository has none (yet). */
    Visitor visitor;
    /** The code whose state was loaded (differs from {@link #code} for a linked code). */
    String storedCode;
    boolean existedInStore;
    boolean expiredInStore;
    LegalConsent loadedConsent = LegalConsent.UNKNOWN;
    Map<ItemKey, VisitorItem> loadedItems = Map.of();
    VisitorItemCodec.ConversionKeys conversionKeys = new VisitorItemCodec.ConversionKeys();
    final Set<String> linkedCodes = new LinkedHashSet<>();
    final List<String> pendingLines = new ArrayList<>();
    /** Serialises writes of the session: a unit may end while the previous one is still being written. */
    final Object writeLock = new Object();

    UnitSession(String code) {
        this.code = code;
        this.storedCode = code;
    }

    /** Forgets everything since the last write (a confirmed unit that could not be written is dropped whole). */
    void discard() {
        loaded = false;
        visitor = null;
        storedCode = code;
        existedInStore = false;
        expiredInStore = false;
        loadedConsent = LegalConsent.UNKNOWN;
        loadedItems = Map.of();
        conversionKeys = new VisitorItemCodec.ConversionKeys();
        linkedCodes.clear();
        pendingLines.clear();
    }
}
