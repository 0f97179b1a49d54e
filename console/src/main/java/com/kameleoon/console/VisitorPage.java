package com.kameleoon.console;

import static com.kameleoon.console.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.spi.StoredVisitor;
import com.kameleoon.spi.VisitorItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The visitor page: a lookup by visitor code of what the store holds (the visitor as any node of the cluster would
 * load it: assignments, forced variations, consent and data), and the form that forces a variation for a visitor.
 * Everything shown from the visitor is escaped: visitor data is user input. Thread-safe (stateless).
 */
final class VisitorPage {
    /** The item kinds of the SDK's serialized visitor, as people call them. */
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("CD", "custom data"),
            Map.entry("PV", "page view"), Map.entry("CV", "conversion"), Map.entry("SEG", "targeted segment"),
            Map.entry("PER", "personalization"), Map.entry("DEV", "device"), Map.entry("BRW", "browser"),
            Map.entry("OS", "operating system"), Map.entry("GEO", "geolocation"), Map.entry("VIS", "visits"),
            Map.entry("CK", "cookie"), Map.entry("AV", "application version"), Map.entry("UA", "user agent"),
            Map.entry("UID", "unique identifier"), Map.entry("MAP", "mapping identifier"),
            Map.entry("SIM", "simulated variations"), Map.entry("KCS", "Kameleoon conversion score"),
            Map.entry("CBS", "contextual bandit"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private VisitorPage() {
    }

    /**
     * @param base the console's URL path
     * @param code the code looked up, or null before a lookup
     * @param visitor the stored visitor, or null when the code is unknown (or not looked up)
     * @param catalog the datafile's experiments
     * @param token the session's CSRF token
     * @return the page's body
     */
    static String body(String base, String code, StoredVisitor visitor, FlagCatalog catalog, String token) {
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"").append(escape(base + "/visitor"))
                .append("\"><label>Visitor code <input name=\"code\" id=\"code\" size=\"40\" maxlength=\"255\" value=\"")
                .append(escape(code)).append("\"></label> <button type=\"submit\" id=\"lookup\">Look up</button></form>");
        if (code != null && !code.isEmpty()) {
            if (visitor == null) {
                html.append("<p id=\"not-found\">No visitor with the code <code>").append(escape(code))
                        .append("</code> is stored (never seen, or forgotten after its session).</p>");
            } else {
                html.append(stored(base, code, visitor, catalog, token));
            }
        }
        return html.append(forceForm(base, code, catalog, token)).toString();
    }

    private static String stored(String base, String code, StoredVisitor visitor, FlagCatalog catalog, String token) {
        StringBuilder html = new StringBuilder("<h2>Stored visitor</h2>").append(Html.facts("visitor",
                "Visitor code", "<code>" + escape(code) + "</code>",
                "Stored under", visitor.storedCode().equals(code) ? "the same code"
                        : "<code>" + escape(visitor.storedCode()) + "</code> (linked)",
                "Visit started", escape(Html.time(visitor.timeStarted() > 0 ? visitor.timeStarted() : null)),
                "Legal consent", escape(visitor.consent()),
                "Session", visitor.expired() ? "expired (starts anew on its next request)" : "current"));
        html.append("<h2>Assignments</h2>");
        List<VisitorItem> assignments = visitor.items().stream().filter(item -> item.kind().equals("AS")).toList();
        if (assignments.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<table id=\"assignments\"><tr><th>flag</th><th>experiment</th><th>variation</th>"
                    + "<th>rule type</th><th>assigned at</th></tr>");
            for (VisitorItem item : assignments) {
                JsonNode json = parse(item.payload());
                FlagCatalog.Named named = json.has("v") ? catalog.variation(json.get("v").asInt()) : null;
                html.append("<tr><td>").append(named == null ? "?" : escape(named.flagKey())).append("</td><td>")
                        .append(escape(item.key())).append("</td><td>")
                        .append(named == null ? "id " + escape(json.path("v").asText()) : escape(named.variationKey()))
                        .append("</td><td>").append(escape(json.path("t").asText())).append("</td><td>")
                        .append(json.has("ts") && json.get("ts").asLong() > 0
                                ? escape(Html.time(json.get("ts").asLong())) : "—")
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Forced variations</h2>");
        List<VisitorItem> forced = visitor.items().stream().filter(item -> item.kind().equals("FV")).toList();
        if (forced.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<table id=\"forced\"><tr><th>flag</th><th>experiment</th><th>variation</th>"
                    + "<th>targeting</th><th></th></tr>");
            for (VisitorItem item : forced) {
                JsonNode json = parse(item.payload());
                FlagCatalog.Experiment experiment = experiment(catalog, item.key());
                html.append("<tr><td>").append(experiment == null ? "?" : escape(experiment.flagKey()))
                        .append("</td><td>").append(escape(item.key())).append("</td><td>")
                        .append(escape(json.path("k").asText())).append("</td><td>")
                        .append(json.path("f").asBoolean(true) ? "ignored (forced)" : "applies")
                        .append("</td><td><form class=\"inline\" method=\"post\" action=\"")
                        .append(escape(base + "/visitor/force")).append("\">").append(Html.csrfField(token))
                        .append("<input type=\"hidden\" name=\"code\" value=\"").append(escape(code))
                        .append("\"><input type=\"hidden\" name=\"target\" value=\"").append(escape(item.key()))
                        .append(":\"><button type=\"submit\">Remove</button></form></td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Data</h2>");
        List<VisitorItem> data = visitor.items().stream()
                .filter(item -> !item.kind().equals("AS") && !item.kind().equals("FV")).toList();
        if (data.isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<table id=\"data\"><tr><th>kind</th><th>key</th><th>value</th><th>tracked</th></tr>");
            for (VisitorItem item : data) {
                html.append("<tr><td>").append(escape(KINDS.getOrDefault(item.kind(), item.kind()))).append("</td><td>")
                        .append(escape(item.key())).append("</td><td><code>").append(escape(item.payload()))
                        .append("</code>").append(item.counter() > 1 ? " ×" + item.counter() : "")
                        .append("</td><td>").append(item.sent() ? "yes" : "not yet").append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.toString();
    }

    private static String forceForm(String base, String code, FlagCatalog catalog, String token) {
        StringBuilder html = new StringBuilder("<h2>Force a variation</h2>");
        if (catalog.experiments().isEmpty()) {
            return html.append("<p>The datafile in force has no experiment.</p>").toString();
        }
        html.append("<p>For QA: the visitor gets this variation on its next request, on every node.</p>")
                .append("<form method=\"post\" id=\"force\" action=\"").append(escape(base + "/visitor/force"))
                .append("\">").append(Html.csrfField(token))
                .append("<label>Visitor code <input name=\"code\" id=\"force-code\" size=\"40\" maxlength=\"255\" value=\"")
                .append(escape(code)).append("\"></label><br><label>Variation <select name=\"target\" id=\"target\">");
        for (FlagCatalog.Experiment experiment : catalog.experiments()) {
            html.append("<optgroup label=\"").append(escape(experiment.flagKey() + " · rule " + experiment.ruleNumber()
                    + " · experiment " + experiment.experimentId())).append("\">");
            for (String key : experiment.variationKeys()) {
                html.append("<option value=\"").append(escape(experiment.experimentId() + ":" + key)).append("\">")
                        .append(escape(experiment.flagKey() + " → " + key)).append("</option>");
            }
            html.append("<option value=\"").append(experiment.experimentId()).append(":\">")
                    .append(escape(experiment.flagKey() + " → (remove the forced variation)")).append("</option>")
                    .append("</optgroup>");
        }
        return html.append("</select></label><br><label><input type=\"checkbox\" name=\"targeting\" value=\"ignore\" "
                + "checked> ignore the rule's targeting</label><br><button type=\"submit\" id=\"force-submit\">"
                + "Force</button></form>").toString();
    }

    private static FlagCatalog.Experiment experiment(FlagCatalog catalog, String key) {
        try {
            return catalog.experiment(Integer.parseInt(key));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
