package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variation;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's results from what the collector received: per variation, the visitors exposed, those who
 * bought, the conversion rate with its 95 % interval, and an SVG bar chart of the rates with the intervals.
 */
@WebServlet("/results")
public class ResultsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int BAR_WIDTH = 360;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CollectorStore collector = (CollectorStore) getServletContext().getAttribute(SampleListener.COLLECTOR);
        Map<Long, long[]> funnel = collector.experimentFunnel();
        Map<Long, String> names = variationNames();
        Map<Long, Proportion> rates = new LinkedHashMap<>();
        names.keySet().forEach(id -> {
            long[] counts = funnel.getOrDefault(id, new long[2]);
            rates.put(id, Proportion.of(counts[1], counts[0]));
        });
        StringBuilder body = new StringBuilder("<p>Experiment ").append(CollectorStore.EXPERIMENT_ID)
                .append(" (flag <code>").append(ShopServlet.FLAG).append("</code>), goal ")
                .append(CollectorStore.GOAL_ID).append(" (purchase), from the lines the collector received.</p>")
                .append("<table id=\"results\"><tr><th>variation</th><th>visitors exposed</th><th>conversions</th>"
                        + "<th>conversion rate</th><th>95 % interval</th></tr>");
        rates.forEach((id, rate) -> body.append("<tr data-variation-id=\"").append(id).append("\"><th>")
                .append(Html.escape(names.get(id))).append("</th><td class=\"exposed\">").append(rate.trials())
                .append("</td><td class=\"conversions\">").append(rate.successes()).append("</td><td>")
                .append(percent(rate.rate())).append("</td><td>").append(percent(rate.low())).append(" – ")
                .append(percent(rate.high())).append("</td></tr>"));
        body.append("</table>").append(chart(names, rates));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page(request.getContextPath(), "Results", body.toString(), ""));
    }

    /** The experiment's variations in the datafile in force, by variation id. */
    private Map<Long, String> variationNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        FeatureFlag flag = KameleoonJakarta.client(getServletContext()).getDataFile().getFeatureFlags()
                .get(ShopServlet.FLAG);
        for (Rule rule : flag.getRules()) {
            for (Variation variation : rule.getVariations().values()) {
                if (variation.getExperimentId() != null && variation.getExperimentId() == CollectorStore.EXPERIMENT_ID) {
                    names.put(variation.getId().longValue(), variation.getName() + " (" + variation.getKey() + ")");
                }
            }
        }
        return names;
    }

    private static String chart(Map<Long, String> names, Map<Long, Proportion> rates) {
        double max = rates.values().stream().mapToDouble(Proportion::high).max().orElse(0);
        double scale = max <= 0 ? 0 : BAR_WIDTH / max;
        int rowHeight = 34;
        StringBuilder svg = new StringBuilder("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" "
                + "height=\"").append(rowHeight * rates.size() + 10).append("\" role=\"img\" "
                + "aria-label=\"conversion rate per variation with 95 % intervals\">");
        int row = 0;
        for (Map.Entry<Long, Proportion> entry : rates.entrySet()) {
            Proportion rate = entry.getValue();
            int y = row++ * rowHeight + 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>", y + 17,
                    Html.escape(names.get(entry.getKey()))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"22\" "
                    + "fill=\"#4e79a7\"/>", y, rate.rate() * scale));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\" "
                    + "stroke-width=\"2\"/>", 200 + rate.low() * scale, 200 + rate.high() * scale, y + 11, y + 11));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>",
                    205 + Math.max(rate.rate(), rate.high()) * scale, y + 17, percent(rate.rate())));
        }
        return svg.append("</svg>").toString();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
