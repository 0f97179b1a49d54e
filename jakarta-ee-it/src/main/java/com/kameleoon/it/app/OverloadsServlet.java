package com.kameleoon.it.app;

import com.kameleoon.KameleoonClient;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonServletClient;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The user guide's servlet overloads: {@code getVisitorCode(request, response)} and, with {@code ?consent=},
 * {@code setLegalConsent(code, consent, response)}; with {@code ?as=official}, called through a
 * {@code KameleoonClient} reference, as code written for the official SDK does.
 */
@WebServlet("/overloads")
public class OverloadsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonServletClient client = KameleoonJakarta.client(getServletContext());
        // Code written for the official SDK holds a KameleoonClient, whose servlet forms take Object.
        KameleoonClient officialView = client;
        boolean official = "official".equals(request.getParameter("as"));
        String code = official ? officialView.getVisitorCode(request, response)
                : client.getVisitorCode(request, response);
        String consent = request.getParameter("consent");
        if (consent != null) {
            if (official) {
                officialView.setLegalConsent(code, Boolean.parseBoolean(consent), response);
            } else {
                client.setLegalConsent(code, Boolean.parseBoolean(consent), response);
            }
        }
        response.setContentType("text/plain");
        response.getWriter().print("code=" + code + "\n");
    }
}
