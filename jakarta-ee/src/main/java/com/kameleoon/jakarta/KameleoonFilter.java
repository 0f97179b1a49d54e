package com.kameleoon.jakarta;

import com.kameleoon.jakarta.internal.KameleoonRuntime;
import com.kameleoon.jakarta.internal.RequestUnit;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its Kameleoon visitor. Before the application runs it resolves the visitor code (the
 * {@code kameleoonVisitorCode} cookie when valid, else a new one), writes the cookie
 * (docs/wire-format.md#visitor-code-cookie) unless consent forbids it, reads the consent and simulation cookies and the
 * user agent, and binds a {@link KameleoonVisitor} to the request. None of this reads the store: the visitor is loaded
 * the first time the request uses it. When the request ends (also an async one, also when the application threw) the
 * visitor's changes and tracking lines are written once. Registered by {@code web-fragment.xml}, async-supported.
 */
public class KameleoonFilter implements Filter {
    private volatile KameleoonRuntime runtime;

    @Override
    public void init(FilterConfig config) {
        runtime = KameleoonRuntime.of(config.getServletContext());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)
                || request.getAttribute(KameleoonVisitor.class.getName()) != null) {
            chain.doFilter(request, response);
            return;
        }
        RequestUnit unit = runtime.beginRequest((HttpServletRequest) request, (HttpServletResponse) response);
        try {
            chain.doFilter(request, response);
        } finally {
            endWhenDone(request, unit);
        }
    }

    /** Ends the unit now, or when the async request completes. */
    private static void endWhenDone(ServletRequest request, RequestUnit unit) {
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(unit);
                return;
            } catch (IllegalStateException alreadyCompleted) {
                // The async cycle finished while we were returning: end here.
            }
        }
        unit.end();
    }
}
