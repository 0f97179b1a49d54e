package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An async request: the visitor is used on a container worker thread after the request thread has returned,
 * then the request completes; the filter must write the changes when it does. {@code ?flag=} and {@code ?goal=}.
 */
@WebServlet(urlPatterns = "/async", asyncSupported = true)
public class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        String flag = request.getParameter("flag");
        int goal = Integer.parseInt(request.getParameter("goal"));
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                Thread.sleep(50);
                String variation = visitor.getVariation(flag).getKey();
                visitor.trackConversion(goal);
                response.setContentType("text/plain");
                response.getWriter().print("code=" + visitor.getCode() + "\nvariation=" + variation + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                async.complete();
            }
        });
    }
}
