package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The benchmark's page: "hello", plus the variation of one flag when the filter bound a visitor (so the
 * filtered context pays for the filter and one evaluation, the bare one for neither).
 */
@WebServlet("/hello")
public class HelloServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object bound = request.getAttribute(KameleoonVisitor.class.getName());
        String body = bound instanceof KameleoonVisitor
                ? "hello " + ((KameleoonVisitor) bound).getVariation("pricing_page").getKey() : "hello";
        response.setContentType("text/plain");
        response.getWriter().print(body);
    }
}
