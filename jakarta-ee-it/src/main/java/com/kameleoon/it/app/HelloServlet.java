package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The benchmark's page: "hello"; with {@code ?flag=} and a visitor bound by the filter, also the visitor's
 * (tracked) variation of that flag.
 */
@WebServlet("/hello")
public class HelloServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object bound = request.getAttribute(KameleoonVisitor.class.getName());
        String flag = request.getParameter("flag");
        String body = flag != null && bound instanceof KameleoonVisitor
                ? "hello " + ((KameleoonVisitor) bound).getVariation(flag).getKey() : "hello";
        response.setContentType("text/plain");
        response.getWriter().print(body);
    }
}
