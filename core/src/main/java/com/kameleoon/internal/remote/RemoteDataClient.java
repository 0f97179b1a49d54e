package com.kameleoon.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.cookie.UriComponent;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.JsonTreeReader;
import com.kameleoon.internal.net.AccessTokenProvider;
import com.kameleoon.internal.net.HttpTransport;
import com.kameleoon.internal.net.ServiceUrls;
import com.kameleoon.internal.visitor.AssignedVariation;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.internal.visitor.VisitorVisits;
import com.kameleoon.internal.visitor.VisitorStore;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Data API's read side (docs/wire-format.md#remote-data): key/value data ({@code /map/map}), a visitor's stored
 * visits ({@code /visit/visitor}) merged into the local visitor without overwriting what it has, and warehouse
 * audiences. One attempt each; every failure (transport, status, unreadable JSON) completes with a
 * {@link KameleoonException} that says what went wrong, and leaves the visitor unchanged. Thread-safe.
 */
public final class RemoteDataClient {
    private final HttpTransport http;
    private final AccessTokenProvider tokens;
    private final Supplier<ServiceUrls> urls;
    private final Supplier<Configuration> configuration;
    private final VisitorStore store;
    private final String siteCode;
    private final LongSupplier clock;

    /**
     * @param http the transport
     * @param tokens access tokens
     * @param urls the URLs in force
     * @param configuration the configuration in force
     * @param store where visitors are
     * @param siteCode the site code
     * @param clock epoch milliseconds
     */
    public RemoteDataClient(HttpTransport http, AccessTokenProvider tokens, Supplier<ServiceUrls> urls,
            Supplier<Configuration> configuration, VisitorStore store, String siteCode, LongSupplier clock) {
        this.http = http;
        this.tokens = tokens;
        this.urls = urls;
        this.configuration = configuration;
        this.store = store;
        this.siteCode = siteCode;
        this.clock = clock;
    }

    /**
     * @param key the key
     * @param timeout the request timeout
     * @return the JSON stored under the key
     */
    public CompletableFuture<JsonNode> remoteData(String key, Duration timeout) {
        URI url = urls.get().dataApi("/map/map?siteCode=" + UriComponent.encode(siteCode) + "&key="
                + UriComponent.encode(key));
        return getJson(url, timeout, "remote data '" + key + "'");
    }

    /**
     * Loads a visitor's data from the Data API, optionally merging it into the local visitor.
     *
     * @param visitorCode a valid visitor code
     * @param addData true to merge into the local visitor
     * @param filter what to ask for
     * @param timeout the request timeout
     * @return custom data, page views, conversions, device, browser, OS and geolocation found
     */
    public CompletableFuture<List<Data>> visitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter,
            Duration timeout) {
        Visitor existing = store.get(visitorCode);
        boolean unique = false;
        if (existing != null) {
            synchronized (existing) {
                unique = existing.isUniqueIdentifier();
            }
        }
        StringBuilder query = new StringBuilder("/visit/visitor?siteCode=").append(UriComponent.encode(siteCode))
                .append(unique ? "&mappingValue=" : "&visitorCode=").append(UriComponent.encode(visitorCode))
                .append("&maxNumberPreviousVisits=").append(filter.getPreviousVisitAmount())
                .append("&version=0&staticData=true");
        flag(query, "kcs", filter.isKcs());
        flag(query, "currentVisit", filter.isCurrentVisit());
        flag(query, "customData", filter.isCustomData());
        flag(query, "conversion", filter.isConversions());
        flag(query, "geolocation", filter.isGeolocation());
        flag(query, "experiment", filter.isExperiments());
        flag(query, "page", filter.isPageViews());
        flag(query, "personalization", filter.isPersonalization());
        flag(query, "cbs", filter.isCbs());
        String what = "visitor data of " + visitorCode;
        return getJson(urls.get().dataApi(query.toString()), timeout, what).thenApply(json -> {
            RemoteVisitorData data;
            try {
                data = RemoteVisitorDataParser.parse(json, filter);
            } catch (RuntimeException e) {
                throw new KameleoonException(what + " could not be read: " + e.getMessage(), e);
            }
            if (addData) {
                merge(visitorCode, data, filter);
            }
            return publicData(data);
        });
    }

    /**
     * Loads the visitor's warehouse audiences into a tracked custom data.
     *
     * @param visitorCode a valid visitor code
     * @param customDataIndex the custom-data index to fill
     * @param warehouseKey the warehouse key, or null to use the visitor code
     * @param timeout the request timeout
     * @return the custom data added (values = audience names), or null when the answer has none
     */
    public CompletableFuture<CustomData> warehouseAudience(String visitorCode, int customDataIndex, String warehouseKey,
            Duration timeout) {
        String key = warehouseKey == null || warehouseKey.isEmpty() ? visitorCode : warehouseKey;
        return remoteData(key, timeout).thenApply(json -> {
            JsonNode audiences = json.path("warehouseAudiences");
            if (!audiences.isObject()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            audiences.fieldNames().forEachRemaining(values::add);
            CustomData data = new CustomData(customDataIndex, values.toArray(new String[0]));
            Visitor visitor = store.getOrCreate(visitorCode);
            synchronized (visitor) {
                visitor.putCustomData(data, false);
            }
            return data;
        });
    }

    private static void flag(StringBuilder query, String name, boolean on) {
        if (on) {
            query.append('&').append(name).append("=true");
        }
    }

    private CompletableFuture<JsonNode> getJson(URI url, Duration timeout, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        String token = tokens.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new KameleoonException(what + " could not be loaded: " + cause.getClass().getSimpleName(), cause);
            }
            return read(response, what, token);
        });
    }

    private JsonNode read(HttpResponse<String> response, String what, String token) {
        if (response.statusCode() == 401 && token != null) {
            tokens.invalidate(token);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new KameleoonException(what + " could not be loaded: HTTP " + response.statusCode());
        }
        try {
            JsonNode json = JsonTreeReader.SHARED.readTree(response.body());
            if (json == null || json.isMissingNode()) {
                throw new KameleoonException(what + ": the answer is empty");
            }
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KameleoonException(what + ": the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * docs/wire-format.md#visitor-data-answer, steps 1–3: keep what the visitor has, add the rest with its tracking
     * state.
     */
    private void merge(String visitorCode, RemoteVisitorData data, RemoteVisitorDataFilter filter) {
        Configuration config = configuration.get();
        Visitor visitor = store.getOrCreate(visitorCode);
        synchronized (visitor) {
            for (CustomData item : data.customData()) {
                if (visitor.customData(item.getIndex()) == null) {
                    boolean visitorScope = config != null && config.customData().visitorScope().contains(item.getIndex());
                    visitor.putCustomData(item, !visitorScope);
                }
            }
            for (RemoteVisitorData.RemotePageView page : data.pageViews()) {
                visitor.mergePageView(page.pageView(), page.count(), page.lastTimestamp(), true);
            }
            data.conversions().forEach(conversion -> visitor.addConversion(conversion, true));
            for (AssignedVariation assignment : data.experiments()) {
                if (visitor.assignment(assignment.experimentId()) == null) {
                    visitor.assign(assignment, true);
                }
            }
            data.personalizations().forEach((id, variation) -> {
                if (!visitor.personalizations().containsKey(id)) {
                    visitor.putPersonalization(id, variation);
                }
            });
            if (data.geolocation() != null && visitor.geolocation() == null) {
                visitor.setGeolocation(data.geolocation(), true);
            }
            if (data.device() != null && visitor.device() == null) {
                visitor.setDevice(data.device(), true);
            }
            if (data.browser() != null && visitor.browser() == null) {
                visitor.setBrowser(data.browser(), true);
            }
            if (data.operatingSystem() != null && visitor.operatingSystem() == null) {
                visitor.setOperatingSystem(data.operatingSystem(), true);
            }
            if (data.visits() != null && visitor.visitsItem() == null) {
                visitor.setVisits(localized(data.visits(), visitor.timeStarted()), false);
            }
            if (data.kcs() != null) {
                visitor.setKcsHeat(data.kcs());
            }
            if (data.cbs() != null && visitor.cbScores() == null) {
                visitor.setCbScores(data.cbs());
            }
            if (filter.isVisitorCode() && data.visitorCode() != null && visitor.mappingIdentifier() == null) {
                visitor.setMappingIdentifier(data.visitorCode());
            }
        }
    }

    private static VisitorVisits localized(VisitorVisits visits, long timeStarted) {
        long since = 0;
        for (VisitorVisits.Visit visit : visits.previousVisits()) {
            long delta = timeStarted - visit.timeLastEvent();
            if (delta >= 0) {
                since = delta;
                break;
            }
        }
        return new VisitorVisits(visits.previousVisits(), visits.visitNumber(), since);
    }

    private static List<Data> publicData(RemoteVisitorData data) {
        List<Data> result = new ArrayList<>(data.customData());
        data.pageViews().forEach(page -> result.add(page.pageView()));
        result.addAll(data.conversions());
        if (data.device() != null) {
            result.add(data.device());
        }
        if (data.browser() != null) {
            result.add(data.browser());
        }
        if (data.operatingSystem() != null) {
            result.add(data.operatingSystem());
        }
        if (data.geolocation() != null) {
            result.add(data.geolocation());
        }
        return result;
    }
}
