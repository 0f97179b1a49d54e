package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonServletClient;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The user guide's servlet overloads: {@code getVisitorCode(request, response)} and, with {@code ?consent=},
 * {@code setLegalConsent(code, consent, response)}.
 */
@WebServlet("/overloads")
public class OverloadsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonServletClient client = KameleoonJakarta.client(getServletContext());
        String code = client.getVisitorCode(request, response);
        String consent = request.getParameter("consent");
        if (consent != null) {
            client.setLegalConsent(code, Boolean.parseBoolean(consent), response);
        }
        response.setContentType("text/plain");
        response.getWriter().print("code=" + code + "\n");
    }
}
