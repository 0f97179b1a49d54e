package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/wire-format.md#key-value-data and #visitor-data-request: canned answers of /map/map and /visit/visitor. */
@Timeout(10)
class RemoteDataEndpointTest extends ServerTestBase {
    @Test
    void remoteDataAnswersTheCannedJsonPerSiteAndKey() throws Exception {
        server.setRemoteData("site1", "warehouse key", "{\"warehouseAudiences\":{\"a\":1,\"b\":2}}");

        HttpResponse<String> known = http.get("/map/map?siteCode=site1&key=warehouse%20key");
        HttpResponse<String> unknownKey = http.get("/map/map?siteCode=site1&key=other");
        HttpResponse<String> otherSite = http.get("/map/map?siteCode=site2&key=warehouse%20key");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(known.body()).isEqualTo("{\"warehouseAudiences\":{\"a\":1,\"b\":2}}");
        assertThat(unknownKey.statusCode()).isEqualTo(200);
        assertThat(unknownKey.body()).isEqualTo("{}");
        assertThat(otherSite.body()).isEqualTo("{}");
        assertThat(server.requests(Endpoint.REMOTE_DATA)).extracting(r -> r.queryParam("key"))
                .containsExactly("warehouse key", "other", "warehouse key");
    }

    @Test
    void visitorDataAnswersByVisitorCodeOrMappingValue() throws Exception {
        String visits = "{\"currentVisit\":{\"visitorCode\":\"v1\",\"timeStarted\":1},\"previousVisits\":[]}";
        server.setVisitorData("site1", "v1", visits);
        server.setVisitorData("site1", "user@example.com", "{\"kcs\":{}}");

        String common = "&maxNumberPreviousVisits=1&version=0&staticData=true&currentVisit=true&customData=true";
        assertThat(http.get("/visit/visitor?siteCode=site1&visitorCode=v1" + common).body()).isEqualTo(visits);
        assertThat(http.get("/visit/visitor?siteCode=site1&mappingValue=user%40example.com" + common).body())
                .isEqualTo("{\"kcs\":{}}");
        HttpResponse<String> unknown = http.get("/visit/visitor?siteCode=site1&visitorCode=nobody" + common);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{\"currentVisit\":null,\"previousVisits\":[]}");

        RecordedRequest first = server.requests(Endpoint.VISITOR_DATA).get(0);
        assertThat(first.queryParam("maxNumberPreviousVisits")).isEqualTo("1");
        assertThat(first.queryParams().keySet()).containsExactly("siteCode", "visitorCode",
                "maxNumberPreviousVisits", "version", "staticData", "currentVisit", "customData");
        assertThat(server.requests(Endpoint.VISITOR_DATA).get(1).queryParam("mappingValue"))
                .isEqualTo("user@example.com");
    }

    @Test
    void missingRequiredParametersGet400() throws Exception {
        assertThat(http.get("/map/map?siteCode=site1").statusCode()).isEqualTo(400);
        assertThat(http.get("/map/map?key=k").statusCode()).isEqualTo(400);
        assertThat(http.get("/visit/visitor?siteCode=site1").statusCode()).isEqualTo(400);
        assertThat(server.requests(Endpoint.REMOTE_DATA)).hasSize(2);
        assertThat(server.requests(Endpoint.VISITOR_DATA)).hasSize(1);
    }
}
