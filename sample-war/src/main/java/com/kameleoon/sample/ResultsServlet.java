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
 * bought, the conversion rate with its 95 % interval ("no data" without visitors), and an SVG bar chart of the
 * rates with the intervals on a labelled percentage axis.
 */
@WebServlet("/results")
public class ResultsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int CHART_WIDTH = 760;
    private static final int PLOT_LEFT = 200;
    private static final int PLOT_WIDTH = 440;
    private static final int PLOT_TOP = 32;
    private static final int ROW_HEIGHT = 40;

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
                .append("</td><td class=\"conversions\">").append(rate.successes()).append("</td>")
                .append(rate.trials() == 0 ? "<td class=\"rate nodata\">no data</td><td class=\"interval nodata\">"
                        + "no data</td>" : "<td class=\"rate\">" + percent(rate.rate()) + "</td><td class=\"interval\">"
                        + interval(rate) + "</td>")
                .append("</tr>"));
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

    /**
     * A horizontal bar per variation (its conversion rate) with its 95 % interval as a whisker, on a percentage axis
     * with ticks and grid lines; a variation without visitors says "no data" instead of a bar.
     */
    static String chart(Map<Long, String> names, Map<Long, Proportion> rates) {
        double top = rates.values().stream().filter(rate -> rate.trials() > 0).mapToDouble(Proportion::high).max()
                .orElse(0);
        double step = tickStep(top > 0 ? top : 0.1);
        double axisMax = Math.max(step, Math.ceil((top > 0 ? top : 0.1) / step - 1e-9) * step);
        double scale = PLOT_WIDTH / axisMax;
        int height = PLOT_TOP + ROW_HEIGHT * rates.size() + 46;
        int axisY = PLOT_TOP + ROW_HEIGHT * rates.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg id=\"chart\" xmlns=\"http://www.w3"
                + ".org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\""
                + "conversion rate per variation with 95 %% intervals\" font-family=\"system-ui,sans-serif\" "
                + "font-size=\"12\" style=\"background:#fff;border:1px solid #d8dee4;border-radius:8px;"
                + "margin-top:1rem\">",
                CHART_WIDTH, height, CHART_WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"600\" font-size=\"13\">"
                + "Conversion rate by variation (bars) with 95 %% interval (whiskers)</text>", PLOT_LEFT));
        for (double tick = 0; tick <= axisMax + 1e-9; tick += step) {
            double x = PLOT_LEFT + tick * scale;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
                    + "stroke=\"#e6e9ed\"/><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#3b2f2a\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#656d76\">%s</text>",
                    x, x, PLOT_TOP, axisY, x, x, axisY, axisY + 5, x, axisY + 18, tickLabel(tick, step)));
        }
        svg.append(String.format(Locale.ROOT, "<line id=\"x-axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" "
                + "stroke=\"#3b2f2a\"/><line id=\"y-axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" "
                + "stroke=\"#3b2f2a\"/><text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "conversion rate (purchases / visitors exposed)</text>", PLOT_LEFT, PLOT_LEFT + PLOT_WIDTH, axisY,
                axisY, PLOT_LEFT, PLOT_LEFT, PLOT_TOP, axisY, PLOT_LEFT + PLOT_WIDTH / 2, axisY + 38));
        int row = 0;
        for (Map.Entry<Long, Proportion> entry : rates.entrySet()) {
            Proportion rate = entry.getValue();
            int y = PLOT_TOP + row++ * ROW_HEIGHT;
            int middle = y + ROW_HEIGHT / 2;
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">"
                    + "%s</text>", PLOT_LEFT - 8, middle + 4, Html.escape(names.get(entry.getKey()))));
            if (rate.trials() == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"nodata\" x=\"%d\" y=\"%d\" fill=\"#656d76\" "
                        + "font-style=\"italic\">no data</text>", PLOT_LEFT + 8, middle + 4));
                continue;
            }
            double low = PLOT_LEFT + rate.low() * scale;
            double high = PLOT_LEFT + rate.high() * scale;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"%d\" rx=\"3\" fill=\"#0b6e4f\" fill-opacity=\"0.85\"/>", PLOT_LEFT, middle - 10,
                    rate.rate() * scale, 20));
            svg.append(String.format(Locale.ROOT, "<path class=\"interval\" d=\"M%.1f %dv12M%.1f %dH%.1fM%.1f %dv12\" "
                    + "stroke=\"#1f2328\" stroke-width=\"2\" fill=\"none\"/>", low, middle - 6, low, middle, high,
                    high, middle - 6));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s (n = %d)</text>",
                    Math.max(high, PLOT_LEFT + rate.rate() * scale) + 6, middle + 4, percent(rate.rate()),
                    rate.trials()));
        }
        return svg.append("</svg>").toString();
    }

    /* 1, 2 or 5 times a power of ten, so that the axis has at most about five ticks. */
    private static double tickStep(double max) {
        double rough = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String tickLabel(double value, double step) {
        int decimals = step * 100 >= 1 ? 0 : (int) Math.ceil(-Math.log10(step * 100));
        return String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * value);
    }

    private static String interval(Proportion rate) {
        return percent(rate.low()) + " – " + percent(rate.high());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
