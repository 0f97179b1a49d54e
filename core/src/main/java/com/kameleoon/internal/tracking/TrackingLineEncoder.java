package com.kameleoon.internal.tracking;

import com.kameleoon.data.Browser;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.PageView;
import com.kameleoon.internal.cookie.UriComponent;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.LegalConsent;
import com.kameleoon.internal.visitor.PageViewEntry;
import com.kameleoon.internal.visitor.RuleType;
import com.kameleoon.internal.visitor.TrackedItem;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a visitor's unsent data into Data API tracking lines, byte-identical to PHP 4.20
 * (docs/wire-format.md#tracking): category order, parameter order, encoding, number formatting, the visitor-id suffix
 * ({@code visitorCode} or {@code mappingValue}) and the user agent on the first line. Consent filtering
 * (docs/wire-format.md#consent-filtering): without consent only targeted-delivery exposures and conversions go, and no
 * activity line. Every selected datum is marked sent: the lines are handed to the outbox, which owns delivery from then
 * on. Stateless; callers hold the visitor's monitor.
 */
public final class TrackingLineEncoder {
    private TrackingLineEncoder() {
    }

    /**
     * Builds the lines of one tracking pass for a visitor.
     *
     * @param visitor the visitor (its monitor held), or null for a visitor the store does not know
     * @param visitorCode the code the tracking call was made with
     * @param config the configuration in force, or null
     * @return the lines (without line feeds); empty when nothing may be sent
     */
    public static List<String> encode(Visitor visitor, String visitorCode, Configuration config) {
        boolean consentRequired = config != null && config.settings().consentRequired();
        if (visitor == null) {
            return consentRequired ? List.of() : List.of(activity() + "&visitorCode=" + UriComponent.encode(visitorCode));
        }
        int mappingIndex = config == null ? -1 : config.customData().mappingIdentifierIndex();
        if (visitor.isUniqueIdentifier() && visitor.mappingIdentifier() == null && mappingIndex >= 0) {
            // A user id without a mapping datum gets one, so that Kameleoon links its visits
            // (docs/wire-format.md#mapping-identifier-lines).
            visitor.putCustomData(new CustomData(mappingIndex, visitorCode), false);
            visitor.setMappingIdentifier(visitorCode);
        }
        boolean useMappingValue = visitor.isUniqueIdentifier() && !visitorCode.equals(visitor.mappingIdentifier());
        String suffix = (useMappingValue ? "&mappingValue=" : "&visitorCode=") + UriComponent.encode(visitorCode);

        boolean consentGiven = !consentRequired || visitor.consent() == LegalConsent.GIVEN;
        List<String> lines = new ArrayList<>();
        if (consentGiven) {
            addStaticData(visitor, lines);
            addCustomData(visitor, mappingIndex, lines);
            addPageViews(visitor, lines);
        }
        addAssignments(visitor, consentGiven, lines);
        if (consentGiven) {
            for (TrackedItem<Integer> segment : visitor.targetedSegments().values()) {
                if (!segment.isSent()) {
                    lines.add("eventType=targetingSegment&id=" + segment.value() + "&nonce=" + nonce(segment));
                    segment.markSent();
                }
            }
        }
        addConversions(visitor, lines);
        if (lines.isEmpty() && consentGiven) {
            lines.add(activity());
        }
        String userAgent = visitor.userAgent() == null ? "" : visitor.userAgent().value();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i) + suffix;
            if (i == 0 && !userAgent.isEmpty()) {
                line += "&userAgent=" + UriComponent.encode(userAgent);
            }
            lines.set(i, line);
        }
        return lines;
    }

    private static String activity() {
        return "eventType=activity&nonce=" + Nonces.next();
    }

    private static void addStaticData(Visitor visitor, List<String> lines) {
        if (visitor.deviceItem() != null && !visitor.deviceItem().isSent()) {
            lines.add("eventType=staticData&deviceType=" + visitor.deviceItem().value().type().name() + "&nonce="
                    + nonce(visitor.deviceItem()));
            visitor.deviceItem().markSent();
        }
        TrackedItem<Browser> browser = visitor.browserItem();
        if (browser != null && !browser.isSent()) {
            String line = "eventType=staticData&browserIndex=" + browser.value().type().ordinal() + "&nonce="
                    + nonce(browser);
            double version = browser.value().version();
            lines.add(Double.isNaN(version) ? line : line + "&browserVersion=" + UriComponent.encode(PhpFloat.format(version)));
            browser.markSent();
        }
        if (visitor.operatingSystemItem() != null && !visitor.operatingSystemItem().isSent()) {
            var os = visitor.operatingSystemItem();
            lines.add("eventType=staticData&os=" + os.value().type().name() + "&osIndex=" + os.value().type().ordinal()
                    + "&nonce=" + nonce(os));
            os.markSent();
        }
        TrackedItem<Geolocation> geolocation = visitor.geolocationItem();
        if (geolocation != null && !geolocation.isSent()) {
            lines.add(geolocationLine(geolocation));
            geolocation.markSent();
        }
        TrackedItem<VisitorVisits> visits = visitor.visitsItem();
        if (visits != null && !visits.isSent()) {
            lines.add("eventType=staticData&visitNumber=" + visits.value().visitNumber() + "&timeSincePreviousVisit="
                    + visits.value().timeSincePreviousVisit() + "&nonce=" + nonce(visits));
            visits.markSent();
        }
    }

    private static String geolocationLine(TrackedItem<Geolocation> item) {
        Geolocation geo = item.value();
        StringBuilder line = new StringBuilder("eventType=geolocation&country=").append(UriComponent.encode(geo.country()));
        optional(line, "region", geo.region());
        optional(line, "city", geo.city());
        optional(line, "postalCode", geo.postalCode());
        line.append("&nonce=").append(nonce(item));
        if (geo.latitude() != null && geo.longitude() != null) {
            line.append("&latitude=").append(UriComponent.encode(PhpFloat.format(geo.latitude())))
                    .append("&longitude=").append(UriComponent.encode(PhpFloat.format(geo.longitude())));
        }
        return line.toString();
    }

    private static void optional(StringBuilder line, String name, String value) {
        if (value != null) {
            line.append('&').append(name).append('=').append(UriComponent.encode(value));
        }
    }

    private static void addCustomData(Visitor visitor, int mappingIndex, List<String> lines) {
        // Decoding every custom datum costs allocations on each tracked call; skip it when no line can come out.
        if (!visitor.hasUnsentCustomData() && (mappingIndex < 0 || visitor.customData(mappingIndex) == null)) {
            return;
        }
        for (Map.Entry<Integer, TrackedItem<CustomData>> entry : visitor.customDataItems().entrySet()) {
            TrackedItem<CustomData> item = entry.getValue();
            CustomData data = item.value();
            boolean mapping = entry.getKey() == mappingIndex && !data.getValues().isEmpty()
                    && !data.getValues().get(0).isEmpty();
            if (item.isSent() && !mapping) {
                continue;
            }
            String line = "eventType=customData&index=" + data.getIndex() + "&valuesCountMap="
                    + TrackingJson.valuesCountMap(data.getValues()) + "&overwrite=" + data.isOverwrite() + "&nonce=";
            if (mapping) {
                // PHP never counts the mapping datum as sent: it goes with every batch, with a fresh nonce.
                lines.add(line + Nonces.next() + "&mappingIdentifier=true");
            } else {
                lines.add(line + nonce(item));
                visitor.markCustomDataSent(entry.getKey());
            }
        }
    }

    private static void addPageViews(Visitor visitor, List<String> lines) {
        if (!visitor.hasUnsentPageViews()) {
            return;
        }
        for (PageViewEntry entry : visitor.pageViews().values()) {
            TrackedItem<PageView> item = entry.item();
            if (item.isSent()) {
                continue;
            }
            PageView pageView = item.value();
            StringBuilder line = new StringBuilder("eventType=page&href=").append(UriComponent.encode(pageView.url()));
            optional(line, "title", pageView.title());
            line.append("&nonce=").append(nonce(item));
            List<Integer> referrers = pageView.referrers();
            if (referrers != null && !referrers.isEmpty()) {
                StringBuilder json = new StringBuilder("[");
                for (int i = 0; i < referrers.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(referrers.get(i));
                }
                line.append("&referrersIndices=").append(UriComponent.encode(json.append(']').toString()));
            }
            lines.add(line.toString());
        }
        // Every unsent page view got its line above.
        visitor.markPageViewsSent();
    }

    private static void addAssignments(Visitor visitor, boolean consentGiven, List<String> lines) {
        // By position rather than through assignments(), which decodes every assignment into a map of items.
        for (int i = 0; i < visitor.assignmentCount(); i++) {
            if (visitor.assignmentSentAt(i)) {
                continue;
            }
            AssignedVariation assignment = visitor.assignmentAt(i);
            if (!consentGiven && assignment.ruleType() != RuleType.TARGETED_DELIVERY) {
                continue;
            }
            lines.add("eventType=experiment&id=" + assignment.experimentId() + "&variationId="
                    + assignment.variationId() + "&nonce=" + Nonces.next());
            visitor.markAssignmentSent(assignment.experimentId());
        }
    }

    private static void addConversions(Visitor visitor, List<String> lines) {
        for (TrackedItem<Conversion> item : visitor.conversions()) {
            if (item.isSent()) {
                continue;
            }
            Conversion conversion = item.value();
            String line = "eventType=conversion&goalId=" + conversion.goalId() + "&revenue="
                    + UriComponent.encode(PhpFloat.format(conversion.revenue())) + "&negative=" + conversion.negative()
                    + "&nonce=" + nonce(item);
            if (conversion.metadata() != null && !conversion.metadata().isEmpty()) {
                line += "&metadata=" + TrackingJson.metadata(conversion.metadata());
            }
            lines.add(line);
            item.markSent();
        }
    }

    private static String nonce(TrackedItem<?> item) {
        if (item.nonce() == null) {
            item.setNonce(Nonces.next());
        }
        return item.nonce();
    }
}
