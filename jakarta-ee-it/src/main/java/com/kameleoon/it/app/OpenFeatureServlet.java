package com.kameleoon.it.app;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import com.kameleoon.openfeature.KameleoonProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates through OpenFeature inside a request: {@code ?flag=} is read as a boolean and as a string with the
 * request's visitor code as targeting key; {@code ?customData=index:value} goes in the context; {@code ?goal=} is
 * tracked through OpenFeature after. Answers {@code code=…}, {@code active=…}, {@code variation=…},
 * {@code reason=…}. The provider is registered at the first request (so that a context whose datafile never comes
 * still deploys), and OpenFeature is shut down with the servlet, so that its threads do not outlive the
 * application.
 */
@WebServlet("/openfeature")
public class OpenFeatureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient Client features;

    private synchronized Client features() {
        if (features == null) {
            OpenFeatureAPI api = OpenFeatureAPI.getInstance();
            api.setProviderAndWait(new KameleoonProvider(KameleoonJakarta.client(getServletContext())));
            features = api.getClient();
        }
        return features;
    }

    @Override
    public synchronized void destroy() {
        if (features != null) {
            OpenFeatureAPI.getInstance().shutdown();
            features = null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Client features = features();
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        Map<String, Value> attributes = new HashMap<>();
        String customData = request.getParameter("customData");
        if (customData != null) {
            String[] parts = customData.split(":", 2);
            attributes.put("customData", new Value(new ImmutableStructure(Map.of(parts[0], new Value(parts[1])))));
        }
        EvaluationContext context = new ImmutableContext(visitor.getCode(), attributes);
        String flag = request.getParameter("flag");
        StringBuilder body = new StringBuilder("code=").append(visitor.getCode()).append('\n');
        if (flag != null) {
            FlagEvaluationDetails<String> variation = features.getStringDetails(flag, "none", context);
            body.append("active=").append(features.getBooleanValue(flag, false, context)).append('\n')
                    .append("variation=").append(variation.getValue()).append('\n')
                    .append("reason=").append(variation.getReason()).append('\n');
        }
        String goal = request.getParameter("goal");
        if (goal != null) {
            features.track(goal, context, new MutableTrackingEventDetails(10));
            body.append("converted=").append(goal).append('\n');
        }
        response.setContentType("text/plain");
        response.getWriter().print(body);
    }
}
