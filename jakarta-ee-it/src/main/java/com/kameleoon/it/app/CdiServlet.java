package com.kameleoon.it.app;

import com.kameleoon.KameleoonClient;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * With CDI: the request-scoped visitor and the application-scoped client are injected; both must agree on the
 * variation of {@code ?flag=}.
 */
@WebServlet("/cdi")
public class CdiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient KameleoonClient client;

    @Inject
    private transient KameleoonVisitor visitor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String flag = request.getParameter("flag");
        String body = "code=" + visitor.getCode() + "\nvariation=" + visitor.getVariation(flag).getKey()
                + "\nclientVariation=" + client.getVariation(visitor.getCode(), flag, false).getKey()
                + "\nclientType=" + client.getClass().getName() + "\n";
        response.setContentType("text/plain");
        response.getWriter().print(body);
    }
}
