package com.kameleoon.internal;

import com.kameleoon.CookieJar;
import com.kameleoon.internal.cookie.SimulationCookie;
import com.kameleoon.internal.cookie.VisitorCodeCookie;
import com.kameleoon.internal.cookie.VisitorCodes;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.ConfigurationHolder;
import com.kameleoon.internal.visitor.ForcedVariation;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.logging.KameleoonLogger;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A visitor's legal consent and the cookies of an HTTP exchange (docs/wire-format.md#visitor-code-cookie,
 * #simulation-cookie): which visitor code an exchange carries, when the visitor-code cookie may be written, and the
 * simulation cookie's forced variations. The methods that touch a visitor run inside the caller's unit of work on it.
 * Thread-safe (immutable).
 */
final class ConsentAndCookies {
    private final ConfigurationHolder configuration;
    private final VisitorStore store;
    private final VisitorCodeCookie visitorCookie;
    private final LongSupplier clock;

    /**
     * @param configuration the configuration in force
     * @param store where the unit's visitors are
     * @param visitorCookie the visitor-code cookie's attributes
     * @param clock epoch milliseconds
     */
    ConsentAndCookies(ConfigurationHolder configuration, VisitorStore store, VisitorCodeCookie visitorCookie,
            LongSupplier clock) {
        this.configuration = configuration;
        this.store = store;
        this.visitorCookie = visitorCookie;
        this.clock = clock;
    }

    /**
     * Checks the code given to {@code setLegalConsent}: a code written to the cookie must also be cookie-safe.
     *
     * @throws com.kameleoon.exceptions.VisitorCodeInvalid when it is not usable
     */
    static void validateForConsent(String visitorCode, boolean consent, CookieJar cookies) {
        if (writesCookie(consent, cookies)) {
            VisitorCodes.validateForCookie(visitorCode);
        } else {
            VisitorCodes.validate(visitorCode);
        }
    }

    private static boolean writesCookie(boolean consent, CookieJar cookies) {
        return consent && cookies != null;
    }

    /** {@link com.kameleoon.KameleoonClient#setLegalConsent(String, boolean, CookieJar)} within an open unit. */
    void setLegalConsent(String visitorCode, boolean consent, CookieJar cookies) {
        Visitor visitor = store.getOrCreate(visitorCode);
        synchronized (visitor) {
            visitor.setConsent(consent ? LegalConsent.GIVEN : LegalConsent.NOT_GIVEN);
        }
        if (writesCookie(consent, cookies)) {
            writeVisitorCookie(cookies, visitorCode);
        }
    }

    /**
     * The first half of {@code getVisitorCode}, before any unit is open: the exchange's visitor code.
     *
     * @param cookies the exchange's cookies
     * @param defaultVisitorCode used when the exchange has no valid cookie, may be null
     * @return the code of the valid cookie, else the default code, else a new one
     */
    static String visitorCodeOf(CookieJar cookies, String defaultVisitorCode) {
        if (cookies == null) {
            throw new IllegalArgumentException("getVisitorCode needs the exchange's cookies; got null");
        }
        String value = cookies.get(VisitorCodeCookie.NAME);
        String visitorCode = value == null ? null : VisitorCodeCookie.code(value);
        if (visitorCode != null && !VisitorCodes.isValidForCookie(visitorCode)) {
            KameleoonLogger.warning("invalid " + VisitorCodeCookie.NAME + " cookie value replaced");
            visitorCode = null;
        }
        if (visitorCode == null) {
            visitorCode = defaultVisitorCode != null ? VisitorCodes.validateForCookie(defaultVisitorCode)
                    : VisitorCodes.generate();
        }
        return visitorCode;
    }

    /**
     * The second half of {@code getVisitorCode}, within the unit on the code: writes the visitor-code cookie unless
     * consent management forbids it, and applies the simulation cookie.
     *
     * @param visitorCode the exchange's visitor code
     * @param cookies the exchange's cookies
     * @param current the configuration read before the unit was opened, or null
     */
    void answerExchange(String visitorCode, CookieJar cookies, Configuration current) {
        if (current == null || !current.visitorCodeManagedByConsent()
                || consentOf(visitorCode) == LegalConsent.GIVEN) {
            writeVisitorCookie(cookies, visitorCode);
        }
        if (current != null) {
            applySimulation(visitorCode, cookies.get(SimulationCookie.NAME), current);
        }
    }

    /** @return true when the configuration in force leaves the visitor-code cookie to consent */
    boolean visitorCodeManagedByConsent() {
        Configuration current = configuration.get();
        return current != null && current.visitorCodeManagedByConsent();
    }

    /** @return the {@code Set-Cookie} value that stores a visitor code, expiry counted from now */
    String visitorCookieHeader(String visitorCode) {
        return visitorCookie.header(visitorCode, clock.getAsLong());
    }

    /**
     * Within an open unit: applies a simulation cookie; a visitor is created only when the cookie forces something,
     * and a visitor's earlier simulation is cleared when it no longer does.
     *
     * @param visitorCode the visitor
     * @param cookieValue the raw cookie value, or null when absent
     * @param current the configuration in force
     */
    void applySimulation(String visitorCode, String cookieValue, Configuration current) {
        Map<String, ForcedVariation> simulated = SimulationCookie.parse(cookieValue, current);
        Visitor visitor = simulated.isEmpty() ? store.get(visitorCode) : store.getOrCreate(visitorCode);
        if (visitor == null) {
            return;
        }
        synchronized (visitor) {
            if (!simulated.isEmpty() || visitor.hasSimulated()) {
                visitor.setSimulated(simulated);
            }
        }
    }

    private LegalConsent consentOf(String visitorCode) {
        Visitor visitor = store.get(visitorCode);
        if (visitor == null) {
            return LegalConsent.UNKNOWN;
        }
        synchronized (visitor) {
            return visitor.consent();
        }
    }

    private void writeVisitorCookie(CookieJar cookies, String visitorCode) {
        cookies.set(VisitorCodeCookie.NAME, VisitorCodeCookie.value(visitorCode), visitorCookieHeader(visitorCode));
    }
}
