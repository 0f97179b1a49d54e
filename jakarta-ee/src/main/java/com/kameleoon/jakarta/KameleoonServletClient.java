package com.kameleoon.jakarta;

import com.kameleoon.KameleoonClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client with the servlet overloads of the user guide. This is what
 * {@code @Inject KameleoonClient} and {@link KameleoonJakarta#client(jakarta.servlet.ServletContext)} return. The
 * container owns it: it is built at deployment and closed at undeploy, so {@link #close()} is ignored.
 */
public interface KameleoonServletClient extends KameleoonClient {
    /**
     * Returns the request's visitor code: the one {@link KameleoonFilter} chose for this request, otherwise the
     * {@code kameleoonVisitorCode} cookie when valid, otherwise a new code; the cookie is (re)written on the
     * response and the simulation cookie applied, as {@link #getVisitorCode(com.kameleoon.CookieJar)} does.
     *
     * @param request the request
     * @param response its response
     * @return the visitor code
     */
    default String getVisitorCode(HttpServletRequest request, HttpServletResponse response) {
        return getVisitorCode(request, response, null);
    }

    /**
     * As {@link #getVisitorCode(HttpServletRequest, HttpServletResponse)}, with the code to use when the request
     * has no valid cookie.
     *
     * @param request the request
     * @param response its response
     * @param defaultVisitorCode the code for a visitor without a cookie, or null to generate one
     * @return the visitor code
     * @throws com.kameleoon.exceptions.VisitorCodeInvalid when the default is not a valid cookie value
     */
    String getVisitorCode(HttpServletRequest request, HttpServletResponse response, String defaultVisitorCode);

    /**
     * Records a visitor's legal consent; giving it (re)writes the visitor-code cookie on the response, refusing
     * it leaves the cookie to expire (docs/wire-format.md#consent-and-the-cookie).
     *
     * @param visitorCode the visitor
     * @param consent whether consent is given
     * @param response the response that carries the cookie
     */
    void setLegalConsent(String visitorCode, boolean consent, HttpServletResponse response);
}
