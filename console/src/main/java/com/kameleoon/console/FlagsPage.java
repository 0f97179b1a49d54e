package com.kameleoon.console;

import static com.kameleoon.console.Html.escape;

import com.kameleoon.types.DataFile;
import com.kameleoon.types.FeatureFlag;
import com.kameleoon.types.Rule;
import com.kameleoon.types.Variable;
import com.kameleoon.types.Variation;
import java.util.Map;

/**
 * The flags page: the datafile in force, each flag with its environment switch, default variation, variations
 * with their variables, and rules with their experiments and variations. Thread-safe (stateless).
 */
final class FlagsPage {
    private FlagsPage() {
    }

    /**
     * @param dataFile the datafile in force, or null before the first
     * @return the page's body
     */
    static String body(DataFile dataFile) {
        if (dataFile == null) {
            return "<p id=\"no-datafile\">No datafile is in force yet.</p>";
        }
        StringBuilder html = new StringBuilder("<p>").append(dataFile.getFeatureFlags().size())
                .append(" flags; datafile modified ").append(escape(Html.time(dataFile.getDateModified())))
                .append(".</p>");
        for (Map.Entry<String, FeatureFlag> entry : dataFile.getFeatureFlags().entrySet()) {
            FeatureFlag flag = entry.getValue();
            html.append("<section class=\"flag\" id=\"flag-").append(escape(entry.getKey())).append("\"><h2>")
                    .append(escape(entry.getKey())).append("</h2>")
                    .append(Html.facts("flag-facts-" + entry.getKey(),
                            "Environment", Html.state(flag.isEnvironmentEnabled(),
                                    flag.isEnvironmentEnabled() ? "enabled" : "disabled"),
                            "Default variation", escape(flag.getDefaultVariationKey())));
            html.append("<h3>Variations</h3><table><tr><th>key</th><th>name</th><th>variables</th></tr>");
            for (Variation variation : flag.getVariations().values()) {
                html.append("<tr><td>").append(escape(variation.getKey())).append("</td><td>")
                        .append(escape(variation.getName())).append("</td><td>").append(variables(variation))
                        .append("</td></tr>");
            }
            html.append("</table><h3>Rules</h3>");
            if (flag.getRules().isEmpty()) {
                html.append("<p>No rule: every visitor gets the default variation.</p>");
            } else {
                html.append("<table><tr><th>#</th><th>experiment</th><th>variations (id)</th></tr>");
                int number = 0;
                for (Rule rule : flag.getRules()) {
                    number++;
                    Integer experimentId = FlagCatalog.experimentId(rule);
                    html.append("<tr><td>").append(number).append("</td><td>")
                            .append(experimentId == null ? "—" : experimentId).append("</td><td>");
                    String separator = "";
                    for (Variation variation : rule.getVariations().values()) {
                        html.append(separator).append(escape(variation.getKey()));
                        if (variation.getId() != null) {
                            html.append(" (").append(variation.getId()).append(')');
                        }
                        separator = ", ";
                    }
                    html.append("</td></tr>");
                }
                html.append("</table>");
            }
            html.append("</section>");
        }
        return html.toString();
    }

    private static String variables(Variation variation) {
        if (variation.getVariables().isEmpty()) {
            return "—";
        }
        StringBuilder html = new StringBuilder();
        for (Variable variable : variation.getVariables().values()) {
            html.append("<div><code>").append(escape(variable.getKey())).append("</code> (")
                    .append(escape(variable.getType())).append(") = <code>").append(escape(variable.getValue()))
                    .append("</code></div>");
        }
        return html.toString();
    }
}
