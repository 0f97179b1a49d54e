package com.kameleoon.console;

import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonServletClient;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.spi.StoredVisitor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the console's pages under its path: {@code /} (overview), {@code /flags}, {@code /visitor} (lookup and the
 * force form), {@code /outbox}; and its two actions, POST only and CSRF-checked: {@code /visitor/force} and
 * {@code /outbox/retry}, each answered by a redirect to its page (post/redirect/get) with a one-time message in the
 * session. The container checks the role first (the registration's security constraint); the servlet checks it
 * again, so that a {@code web.xml} that relaxes the constraint does not open the console. Thread-safe (its state is
 * immutable; the client and the request integration are looked up per request).
 */
final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String MESSAGE_ATTRIBUTE = ConsoleServlet.class.getName() + ".message";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final String role;
    private final String path;

    /**
     * @param role the role a user needs
     * @param path the console's path within the context
     */
    ConsoleServlet(String role, String path) {
        this.role = role;
        this.path = path;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Not "no-referrer": with it, browsers send "Origin: null" on the console's own POSTs, which the CSRF check
        // refuses. "same-origin" still tells other sites nothing (visitor codes are in the console's URLs).
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!request.isUserInRole(role)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "the Kameleoon console needs the role " + role);
            return;
        }
        String page = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        if ("POST".equals(method)) {
            post(page, request, response);
        } else if ("GET".equals(method) || "HEAD".equals(method)) {
            get(page, request, response);
        } else {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private void get(String page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath() + path;
        KameleoonRequests requests = KameleoonJakarta.requests(getServletContext());
        KameleoonServletClient client = KameleoonJakarta.client(getServletContext());
        String token = CsrfTokens.issue(request, response, base);
        String message = takeMessage(request);
        switch (page) {
            case "/" -> send(response, Html.page(base, "Overview", message,
                    OverviewPage.body(requests.monitor().status())));
            case "/flags" -> send(response, Html.page(base, "Flags", message, FlagsPage.body(client.getDataFile())));
            case "/visitor" -> {
                String code = trimmed(request.getParameter("code"));
                StoredVisitor visitor = null;
                if (code != null) {
                    try {
                        visitor = requests.storedState(code);
                    } catch (KameleoonException e) {
                        message = "Cannot look up this code: " + e.getMessage();
                    } catch (RuntimeException e) {
                        KameleoonLogger.warning("console: visitor lookup failed: " + e);
                        message = "The visitor store did not answer: " + e.getMessage();
                    }
                }
                send(response, Html.page(base, "Visitor", message,
                        VisitorPage.body(base, code, visitor, FlagCatalog.of(client.getDataFile()), token)));
            }
            case "/outbox" -> send(response, Html.page(base, "Outbox", message, OutboxPage.body(base,
                    requests.outboxStats(), requests.parkedLines(OutboxPage.SHOWN), token)));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void post(String page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CsrfTokens.verify(request)) {
            KameleoonLogger.warning("console: POST " + page + " by " + request.getRemoteUser()
                    + " refused: missing or wrong CSRF token, or another origin");
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "refused: reload the console page and submit its form again");
            return;
        }
        String base = request.getContextPath() + path;
        switch (page) {
            case "/visitor/force" -> {
                String code = trimmed(request.getParameter("code"));
                String message = force(request, code);
                redirect(request, response, base + "/visitor" + (code == null ? "" : "?code=" + Html.query(code)),
                        message);
            }
            case "/outbox/retry" -> {
                int retried = KameleoonJakarta.requests(getServletContext()).retryParked();
                KameleoonLogger.info("console: " + request.getRemoteUser() + " made " + retried
                        + " parked tracking lines ready again");
                redirect(request, response, base + "/outbox", retried + " parked lines are ready for delivery again.");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Forces or removes a variation; returns the message for the page. */
    private String force(HttpServletRequest request, String code) {
        String target = request.getParameter("target");
        int colon = target == null ? -1 : target.indexOf(':');
        if (code == null || colon < 1) {
            return "Give a visitor code and choose a variation.";
        }
        int experimentId;
        try {
            experimentId = Integer.parseInt(target.substring(0, colon));
        } catch (NumberFormatException e) {
            return "Unknown experiment.";
        }
        String variationKey = target.substring(colon + 1);
        boolean remove = variationKey.isEmpty();
        KameleoonServletClient client = KameleoonJakarta.client(getServletContext());
        FlagCatalog.Experiment experiment = FlagCatalog.of(client.getDataFile()).experiment(experimentId);
        if (experiment == null || !remove && !experiment.variationKeys().contains(variationKey)) {
            return "The datafile in force has no such experiment or variation.";
        }
        try {
            client.setForcedVariation(code, experimentId, remove ? null : variationKey,
                    request.getParameter("targeting") != null);
        } catch (KameleoonException e) {
            return "Not forced: " + e.getMessage();
        }
        KameleoonLogger.info("console: " + request.getRemoteUser() + (remove ? " removed the forced variation of"
                : " forced variation " + variationKey + " of") + " experiment " + experimentId + " for visitor " + code);
        return remove ? "Visitor " + code + " no longer has a forced variation for " + experiment.flagKey() + "."
                : "Visitor " + code + " now gets " + experiment.flagKey() + " → " + variationKey
                        + " on its next request.";
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String location,
            String message) {
        request.getSession().setAttribute(MESSAGE_ATTRIBUTE, message);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private static String takeMessage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object message = session.getAttribute(MESSAGE_ATTRIBUTE);
        session.removeAttribute(MESSAGE_ATTRIBUTE);
        return message instanceof String ? (String) message : null;
    }

    private static void send(HttpServletResponse response, String html) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }
}
