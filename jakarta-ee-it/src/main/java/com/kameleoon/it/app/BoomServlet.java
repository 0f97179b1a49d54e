package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tracks the conversion {@code ?goal=}, then fails: the filter must still write it. */
@WebServlet("/boom")
public class BoomServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        KameleoonJakarta.visitor(request).trackConversion(Integer.parseInt(request.getParameter("goal")));
        throw new IllegalStateException("the application failed after tracking (expected by the test)");
    }
}
