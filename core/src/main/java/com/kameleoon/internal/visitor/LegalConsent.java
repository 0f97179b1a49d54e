package com.kameleoon.internal.visitor;

/** A visitor's legal consent state. UNKNOWN restricts tracking only; NOT_GIVEN may also block evaluation. */
public enum LegalConsent {
    /** Never set: evaluation runs, tracking is restricted when consent is required. */
    UNKNOWN,
    /** Given with {@code setLegalConsent(code, true)}. */
    GIVEN,
    /** Refused with {@code setLegalConsent(code, false)}. */
    NOT_GIVEN
}
