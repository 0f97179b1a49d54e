package com.kameleoon.jakarta.internal;

import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.KameleoonMonitor;
import com.kameleoon.jakarta.KameleoonHealth;
import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON health servlet for containers without MicroProfile Health, registered by the listener when
 * {@code health_servlet_enabled} is true: {@code GET} answers 200 with {@code "status":"UP"} when the client is
 * ready (datafile loaded, visitor store reachable), else 503 with {@code "DOWN"}, never cached. Reads the client's
 * status only (no I/O), so a probe costs microseconds.
 */
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientStatus status = KameleoonJakarta.monitor(getServletContext()).map(KameleoonMonitor::status)
                .orElse(null);
        boolean up = KameleoonHealth.ready(status);
        byte[] body = HealthJson.of(KameleoonHealth.CHECK_NAME, up, KameleoonHealth.data(status))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
