package com.kameleoon.it.app;

import com.kameleoon.data.CustomData;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Without CDI: {@code ?flag=} evaluates a flag for the request's visitor; {@code ?customData=index:value} adds
 * custom data first; {@code ?goal=} tracks a conversion after. Answers {@code code=…}, {@code variation=…}.
 */
@WebServlet("/variation")
public class VariationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        String customData = request.getParameter("customData");
        if (customData != null) {
            String[] parts = customData.split(":", 2);
            visitor.addData(new CustomData(Integer.parseInt(parts[0]), parts[1]));
        }
        StringBuilder body = new StringBuilder("code=").append(visitor.getCode()).append('\n');
        String flag = request.getParameter("flag");
        if (flag != null) {
            body.append("variation=").append(visitor.getVariation(flag).getKey()).append('\n');
        }
        String goal = request.getParameter("goal");
        if (goal != null) {
            visitor.trackConversion(Integer.parseInt(goal));
            body.append("converted=").append(goal).append('\n');
        }
        response.setContentType("text/plain");
        response.getWriter().print(body);
    }
}
