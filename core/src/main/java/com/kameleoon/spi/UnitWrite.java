package com.kameleoon.spi;

import java.util.List;
import java.util.Objects;

/**
 * Everything one unit of work changes, written together or not at all: the visitor's header, its item upserts
 * and deletes, the codes linked to it, and the tracking lines the unit produced. The SDK computes it at the end of
 * a request (or of a direct API call); a {@link VisitorRepository} writes a batch of them in one transaction.
 * Immutable.
 *
 * @param visitorCode the code the visitor is stored under ({@link StoredVisitor#storedCode()})
 * @param header the visitor's header to upsert, or null when the unit changed nothing of the visitor (tracking
 *        lines only, for a visitor that has no stored state)
 * @param upserts items to insert or replace, ordered by {@link ItemKey}
 * @param deletes items to delete, ordered
 * @param linkedCodes other codes to register as links to {@code visitorCode}
 * @param trackingLines Data API lines of the unit, in order, without line feeds; the repository hands them to its
 *        outbox in the same transaction
 */
public record UnitWrite(String visitorCode, Header header, List<ItemUpsert> upserts, List<ItemKey> deletes,
        List<String> linkedCodes, List<String> trackingLines) {
    /** Copies the lists and checks that no part is null. */
    public UnitWrite {
        Objects.requireNonNull(visitorCode, "visitorCode");
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
        linkedCodes = List.copyOf(linkedCodes);
        trackingLines = List.copyOf(trackingLines);
        if (header == null && (!upserts.isEmpty() || !deletes.isEmpty() || !linkedCodes.isEmpty())) {
            throw new IllegalArgumentException("a unit that changes items or links must carry the visitor's header");
        }
    }

    /**
     * The visitor's header row. Writing it renews the visitor's expiry.
     *
     * @param timeStarted epoch milliseconds of the visit start (kept when the visitor exists, unless
     *        {@code replaceStored})
     * @param consent the legal consent ({@code UNKNOWN}, {@code GIVEN}, {@code NOT_GIVEN})
     * @param consentChanged false to keep the stored consent (another node may have changed it)
     * @param replaceStored true when the stored visitor had expired: its items are deleted before the upserts and
     *        its start time replaced
     */
    public record Header(long timeStarted, String consent, boolean consentChanged, boolean replaceStored) {
        /** Checks that the consent is given. */
        public Header {
            Objects.requireNonNull(consent, "consent");
        }
    }

    /** @return the number of rows this unit writes (header, items, links, lines): the batch's weight */
    public int rowCount() {
        return (header == null ? 0 : 1) + upserts.size() + deletes.size() + linkedCodes.size() + trackingLines.size();
    }
}
