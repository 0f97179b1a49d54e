package com.kameleoon.internal.datafile;

/**
 * The datafile's {@code configuration} object.
 *
 * @param consentRequired {@code consentType == "REQUIRED"}
 * @param fullyBlockWithoutConsent {@code consentOptOutBehavior == "FULLY_BLOCK"}
 * @param dataApiDomain the Data API host to use, null when not given
 * @param realTimeUpdate whether configuration updates are streamed
 */
public record Settings(boolean consentRequired, boolean fullyBlockWithoutConsent, String dataApiDomain,
        boolean realTimeUpdate) {
    /** Settings of a datafile without {@code configuration}. */
    public static final Settings DEFAULT = new Settings(false, false, null, false);
}
