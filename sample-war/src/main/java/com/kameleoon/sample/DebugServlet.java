package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonServletClient;
import com.kameleoon.integration.KameleoonRequests;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.VisitorItem;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Variation;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The debug page, answered only when {@code sample.debug=true}: the loaded datafile's flags, this visitor's
 * assignments, page views and stored data, and the tracking outbox's figures. It reads SDK internals (the visitor's stored
 * state, the outbox), which an application should not; that is what a debug page is for.
 */
@WebServlet("/debug")
public class DebugServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SampleSettings settings = (SampleSettings) getServletContext().getAttribute(SampleListener.SETTINGS);
        if (settings == null || !settings.debug()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "the debug page is off (start with -Dsample.debug=true)");
            return;
        }
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        KameleoonServletClient client = KameleoonJakarta.client(getServletContext());
        KameleoonRequests requests = KameleoonJakarta.requests(getServletContext());
        StringBuilder body = new StringBuilder("<h2>Datafile</h2><table id=\"flags\"><tr><th>flag</th>"
                + "<th>environment enabled</th><th>default</th><th>variations</th><th>rules</th></tr>");
        DataFile dataFile = client.getDataFile();
        for (Map.Entry<String, FeatureFlag> flag : dataFile.getFeatureFlags().entrySet()) {
            body.append("<tr><th>").append(Html.escape(flag.getKey())).append("</th><td>")
                    .append(flag.getValue().isEnvironmentEnabled()).append("</td><td>")
                    .append(Html.escape(flag.getValue().getDefaultVariationKey())).append("</td><td>")
                    .append(Html.escape(String.join(", ", flag.getValue().getVariations().keySet()))).append("</td><td>")
                    .append(flag.getValue().getRules().size()).append("</td></tr>");
        }
        body.append("</table><h2>This visitor: <code>").append(Html.escape(visitor.getCode()))
                .append("</code></h2><table id=\"assignments\"><tr><th>flag</th><th>variation</th></tr>");
        for (Map.Entry<String, Variation> entry : visitor.getVariations(false, false).entrySet()) {
            body.append("<tr><th>").append(Html.escape(entry.getKey())).append("</th><td>")
                    .append(Html.escape(entry.getValue().getKey())).append("</td></tr>");
        }
        body.append("</table>").append(storedData(requests, visitor.getCode()));
        OutboxStats stats = requests.outboxStats();
        body.append("<h2>Tracking outbox</h2><table id=\"outbox\"><tr><th>waiting</th><th>oldest (ms)</th><th>sent</th>"
                + "<th>retried</th><th>dropped</th><th>parked</th></tr><tr><td>").append(stats.depth())
                .append("</td><td>").append(stats.oldestAgeMillis()).append("</td><td>").append(stats.sent())
                .append("</td><td>").append(stats.retried()).append("</td><td>").append(stats.dropped())
                .append("</td><td>").append(stats.parked()).append("</td></tr></table>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page(request.getContextPath(), "Debug", body.toString(), ""));
    }

    private static String storedData(KameleoonRequests requests, String code) {
        StoredVisitor stored = requests.storedState(code);
        if (stored == null) {
            return "<p id=\"page-views\">page views: 0</p><p id=\"stored\">No stored data yet.</p>";
        }
        // A page view item is one per URL; its counter holds the views of that URL.
        long pageViews = stored.items().stream().filter(item -> item.kind().equals("PV"))
                .mapToLong(VisitorItem::counter).sum();
        StringBuilder out = new StringBuilder("<p id=\"page-views\">page views: ").append(pageViews)
                .append("</p><ul id=\"stored\">");
        out.append("<li>legal consent: ").append(stored.consent()).append("</li>");
        for (VisitorItem item : stored.items()) {
            out.append("<li>").append(Html.escape(item.kind())).append(' ').append(Html.escape(item.key())).append(": ")
                    .append(Html.escape(item.payload())).append(item.counter() > 0 ? " ×" + item.counter() : "")
                    .append(item.sent() ? " (tracked)" : "").append("</li>");
        }
        return out.append("</ul>").toString();
    }
}
