package com.kameleoon.it.app;

import com.kameleoon.integration.UnitStats;
import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reports the application's unit-of-work counters as {@code storedUnits transactions}, so that a load run can tell how
 * many database transactions its requests cost (group commit).
 */
@WebServlet("/it/unit-stats")
public class UnitStatsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UnitStats stats = KameleoonJakarta.requests(getServletContext()).unitStats();
        response.setContentType("text/plain");
        response.getWriter().print(stats.storedUnits() + " " + stats.transactions());
    }
}
