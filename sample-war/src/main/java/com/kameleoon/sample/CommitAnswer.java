package com.kameleoon.sample;

import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.exceptions.UnitOutcomeUnknown;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a visitor's changes before a page answers, and turns a failed write into the shop's own page: 503 when
 * nothing was stored (a retry stores it once), 504 when the database may or may not have committed (the shopper is
 * asked to check rather than retry). The SDK's message goes to the log, never to the page. Thread-safe
 * (stateless).
 */
final class CommitAnswer {
    private static final Logger LOG = Logger.getLogger(CommitAnswer.class.getName());

    private CommitAnswer() {
    }

    /**
     * @param visitor the request's visitor
     * @param response the response, answered when the write failed
     * @param base the context path
     * @param notStored what the shopper reads when nothing was stored
     * @param unknown what the shopper reads when the outcome is unknown
     * @return whether the changes are stored; when false the response is answered
     */
    static boolean commit(KameleoonVisitor visitor, HttpServletResponse response, String base, String notStored,
            String unknown) throws IOException {
        try {
            visitor.commit();
            return true;
        } catch (UnitOutcomeUnknown e) {
            LOG.log(Level.WARNING, "write of visitor " + visitor.getCode() + " may or may not be stored: "
                    + e.getMessage());
            Html.error(response, base, HttpServletResponse.SC_GATEWAY_TIMEOUT, "write-unknown", unknown);
            return false;
        } catch (KameleoonException e) {
            LOG.log(Level.WARNING, "write of visitor " + visitor.getCode() + " not stored: " + e.getMessage());
            response.setHeader("Retry-After", "5");
            Html.error(response, base, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "write-failed", notStored);
            return false;
        }
    }
}
