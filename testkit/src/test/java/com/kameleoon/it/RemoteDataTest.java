package com.kameleoon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.PageView;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.testkit.Endpoint;
import com.kameleoon.testkit.Fault;
import com.kameleoon.testkit.KameleoonTestServer;
import com.kameleoon.testkit.RecordedRequest;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/wire-format.md#remote-data: remote data requests, their mapping into visitor data, and their failures. */
@Timeout(30)
class RemoteDataTest {
    private static final String SITE = "remote-site";
    private KameleoonTestServer server;
    private DefaultKameleoonClient client;

    @BeforeEach
    void start() throws Exception {
        server = KameleoonTestServer.start();
        server.setDataFile(SITE, null, Files.readString(TestClients.resource("/conformance/public/datafile.json")));
        client = TestClients.client(SITE, TestClients.online(server).build());
        assertThat(client.waitInit().get(5, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void remoteDataReturnsTheStoredJson() throws Exception {
        server.setRemoteData(SITE, "my key/ü", "{\"plan\": \"pro\", \"seats\": 12}");
        JsonNode json = client.getRemoteData("my key/ü");
        assertThat(json.get("plan").asText()).isEqualTo("pro");
        assertThat(client.getRemoteDataAsync("my key/ü").get(5, TimeUnit.SECONDS).get("seats").asInt()).isEqualTo(12);
        RecordedRequest request = server.requests(Endpoint.REMOTE_DATA).get(0);
        assertThat(request.rawQuery()).isEqualTo("siteCode=" + SITE + "&key=my%20key%2F%C3%BC");
        assertThat(request.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void visitorDataRequestCarriesTheFilterInPhpOrder() {
        client.getRemoteVisitorData("vis1", true, RemoteVisitorDataFilter.builder().previousVisitAmount(5)
                .kcs(true).conversions(true).geolocation(true).experiments(true).pageViews(true)
                .personalization(true).cbs(true).build());
        client.getRemoteVisitorData("vis1").join();
        List<String> queries = server.requests(Endpoint.VISITOR_DATA).stream().map(RecordedRequest::rawQuery)
                .collect(Collectors.toList());
        assertThat(queries).containsExactly(
                "siteCode=" + SITE + "&visitorCode=vis1&maxNumberPreviousVisits=5&version=0&staticData=true&kcs=true"
                        + "&currentVisit=true&customData=true&conversion=true&geolocation=true&experiment=true&page=true"
                        + "&personalization=true&cbs=true",
                "siteCode=" + SITE + "&visitorCode=vis1&maxNumberPreviousVisits=1&version=0&staticData=true"
                        + "&currentVisit=true&customData=true");
    }

    @Test
    void visitorDataIsMergedWithoutOverwritingAndVisitorScopeDataIsTrackedAgain() {
        server.setVisitorData(SITE, "vis1", "{\"currentVisit\": {\"visitorCode\": \"vis1\", \"timeStarted\": 1000,"
                + " \"customDataEvents\": [{\"time\": 1001, \"data\": {\"index\": 1, \"valuesCountMap\": {\"gold\": 1}}},"
                + " {\"time\": 1002, \"data\": {\"index\": 1, \"valuesCountMap\": {\"vip\": 1}}},"
                + " {\"time\": 1003, \"data\": {\"index\": 2, \"valuesCountMap\": {\"5000\": 1}}}],"
                + " \"pageEvents\": [{\"time\": 1004, \"data\": {\"href\": \"https://x/a\", \"title\": \"A\"}},"
                + " {\"time\": 1005, \"data\": {\"href\": \"https://x/a\", \"title\": \"A\"}}]},"
                + " \"previousVisits\": [{\"visitorCode\": \"other-device\", \"timeStarted\": 500, \"timeLastEvent\": 600,"
                + " \"staticDataEvent\": {\"time\": 500, \"data\": {\"visitNumber\": 2}}}]}");
        client.addData("vis1", new CustomData(2, "local-kept"));
        List<Data> data = client.getRemoteVisitorData("vis1", true,
                RemoteVisitorDataFilter.builder().pageViews(true).build());
        assertThat(data).contains(new CustomData(1, "vip"), new PageView("https://x/a", "A", null));
        Visitor visitor = client.visitorStore().get("vis1");
        synchronized (visitor) {
            assertThat(visitor.customData(1).getValues()).as("newest event wins").containsExactly("vip");
            assertThat(visitor.customData(2).getValues()).as("local data is kept").containsExactly("local-kept");
            assertThat(visitor.pageViews().get("https://x/a").count()).isEqualTo(2);
            assertThat(visitor.visits().visitNumber()).isEqualTo(3);
            assertThat(visitor.mappingIdentifier()).isEqualTo("vis1");
        }
        assertThat(client.getVariation("vis1", "vip_free_shipping").getKey()).isEqualTo("on");
        client.flush("vis1", true);
        List<String> lines = server.awaitTrackingLines(3, Duration.ofSeconds(5));
        assertThat(lines).anyMatch(l -> l.startsWith("eventType=staticData&visitNumber=3&timeSincePreviousVisit="))
                .anyMatch(l -> l.startsWith("eventType=customData&index=1&valuesCountMap=%7B%22vip%22%3A1%7D"))
                .noneMatch(l -> l.startsWith("eventType=page"));
    }

    @Test
    void malformedJsonIsAClearErrorAndTheVisitorIsUnchanged() {
        client.addData("vis2", new CustomData(1, "gold"));
        server.setVisitorData(SITE, "vis2", "{\"currentVisit\": {\"customDataEvents\": [");
        assertThatThrownBy(() -> client.getRemoteVisitorData("vis2", (Duration) null))
                .isInstanceOf(KameleoonException.class).hasMessageContaining("not valid JSON");
        server.setVisitorData(SITE, "vis2", "[1, 2]");
        // The official SDK's short form returns a future, which completes with the same error.
        assertThatThrownBy(() -> client.getRemoteVisitorData("vis2").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(KameleoonException.class).hasMessageContaining("could not be read");
        Visitor visitor = client.visitorStore().get("vis2");
        synchronized (visitor) {
            assertThat(visitor.customData(1).getValues()).containsExactly("gold");
            assertThat(visitor.visitsItem()).isNull();
        }
        server.setRemoteData(SITE, "broken", "{oops");
        CompletableFuture<JsonNode> async = client.getRemoteDataAsync("broken");
        assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(KameleoonException.class);
    }

    @Test
    void timeoutsAndServerErrorsFailClearly() {
        server.inject(Endpoint.REMOTE_DATA, Fault.delay(Duration.ofSeconds(3)).times(1));
        assertThatThrownBy(() -> client.getRemoteData("slow", Duration.ofMillis(300)))
                .isInstanceOf(KameleoonException.class).hasMessageContaining("could not be loaded");
        server.inject(Endpoint.VISITOR_DATA, Fault.status(500).times(1));
        assertThatThrownBy(() -> client.getRemoteVisitorData("vis3", (Duration) null))
                .isInstanceOf(KameleoonException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void warehouseAudienceBecomesATrackedCustomData() {
        server.setRemoteData(SITE, "wh-key", "{\"warehouseAudiences\": {\"aud1\": 1, \"aud two\": 2}}");
        CustomData audience = client.getVisitorWarehouseAudience("vis4", 5, "wh-key");
        assertThat(audience).isEqualTo(new CustomData(5, "aud1", "aud two"));
        client.flush("vis4", true);
        assertThat(server.awaitTrackingLines(1, Duration.ofSeconds(5)).get(0)).startsWith(
                "eventType=customData&index=5&valuesCountMap=%7B%22aud1%22%3A1%2C%22aud%20two%22%3A1%7D&overwrite=true");
    }
}
