package com.kameleoon.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Reports how many connections Kameleoon took from the counting DataSource ({@code -1} without one). */
@WebServlet("/it/db-connections")
public class DbConnectionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object counting = getServletContext().getAttribute(CountingDataSource.class.getName());
        long connections = counting instanceof CountingDataSource ? ((CountingDataSource) counting).connections() : -1;
        response.setContentType("text/plain");
        response.getWriter().print(connections);
    }
}
