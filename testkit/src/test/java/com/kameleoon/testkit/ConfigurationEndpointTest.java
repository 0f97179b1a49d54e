package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/wire-format.md#datafile-request and #datafile-response: the datafile with Last-Modified, 304 on
 * If-Modified-Since, environments, unknown sites.
 */
@Timeout(10)
class ConfigurationEndpointTest extends ServerTestBase {
    private static final String DATAFILE = "{\"configuration\":{\"realTimeUpdate\":false},\"featureFlags\":[]}";


    @Test
    void servesTheDatafileWithLastModified() throws Exception {
        server.setDataFile("site1", null, DATAFILE);

        HttpResponse<String> response = http.get("/v3/site1",
                "X-Kameleoon-SDK-Type", "JAVA", "X-Kameleoon-SDK-Version", "0.1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(DATAFILE);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(lastModified).isEqualTo(server.lastModified("site1", null))
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME); // parseable HTTP date

        assertThat(server.requests(Endpoint.CONFIGURATION)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v3/site1");
            assertThat(request.header("x-kameleoon-sdk-type")).isEqualTo("JAVA");
            assertThat(request.responseStatus()).isEqualTo(200);
            assertThat(request.faulted()).isFalse();
        });
    }

    @Test
    void answers304WithoutBodyWhenIfModifiedSinceIsTheCurrentLastModified() throws Exception {
        server.setDataFile("site1", null, DATAFILE);
        String lastModified = http.get("/v3/site1").headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> notModified = http.get("/v3/site1", "If-Modified-Since", lastModified);

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(server.requests(Endpoint.CONFIGURATION).get(1).header("If-Modified-Since"))
                .isEqualTo(lastModified);
    }

    @Test
    void everySetMovesLastModifiedForwardEvenWithinOneSecond() throws Exception {
        server.setDataFile("site1", null, DATAFILE);
        String first = http.get("/v3/site1").headers().firstValue("Last-Modified").orElseThrow();

        server.setDataFile("site1", null, "{\"featureFlags\":[{\"id\":1}]}");
        server.setDataFile("site1", null, "{\"featureFlags\":[{\"id\":2}]}");
        HttpResponse<String> changed = http.get("/v3/site1", "If-Modified-Since", first);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"featureFlags\":[{\"id\":2}]}");
        String third = changed.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(ZonedDateTime.parse(third, DateTimeFormatter.RFC_1123_DATE_TIME))
                .isAfterOrEqualTo(ZonedDateTime.parse(first, DateTimeFormatter.RFC_1123_DATE_TIME).plusSeconds(2));
    }

    @Test
    void servesEnvironmentSpecificDatafilesAndFallsBackToTheDefault() throws Exception {
        server.setDataFile("site1", null, "{\"env\":\"default\"}");
        server.setDataFile("site1", "staging", "{\"env\":\"staging\"}");

        assertThat(http.get("/v3/site1?environment=staging&ts=1700000000000").body())
                .isEqualTo("{\"env\":\"staging\"}");
        assertThat(http.get("/v3/site1?environment=production").body()).isEqualTo("{\"env\":\"default\"}");
        assertThat(http.get("/v3/site1").body()).isEqualTo("{\"env\":\"default\"}");
        assertThat(server.lastModified("site1", "staging")).isNotNull();

        RecordedRequest staging = server.requests(Endpoint.CONFIGURATION).get(0);
        assertThat(staging.queryParam("environment")).isEqualTo("staging");
        assertThat(staging.queryParam("ts")).isEqualTo("1700000000000");
        assertThat(staging.rawQuery()).isEqualTo("environment=staging&ts=1700000000000");
    }

    @Test
    void unknownSiteGets404() throws Exception {
        server.setDataFile("only-staging", "staging", DATAFILE);

        assertThat(http.get("/v3/unknown").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/only-staging").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/only-staging?environment=staging").statusCode()).isEqualTo(200);
        assertThat(server.requests(Endpoint.CONFIGURATION)).extracting(RecordedRequest::responseStatus)
                .containsExactly(404, 404, 200);
    }

    @Test
    void removedDatafileIsNoLongerServed() throws Exception {
        server.setDataFile("site1", null, DATAFILE);
        server.removeDataFile("site1", null);

        assertThat(http.get("/v3/site1").statusCode()).isEqualTo(404);
        assertThat(server.lastModified("site1", null)).isNull();
    }

    @Test
    void readsTheDatafileFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("datafile.json");
        Files.writeString(file, "{\"name\":\"caf\u00e9\"}");
        server.setDataFile("site1", null, file);

        HttpResponse<String> response = http.get("/v3/site1");

        assertThat(response.body()).isEqualTo("{\"name\":\"caf\u00e9\"}");
    }

    @Test
    void otherPathsAndMethodsAreRecordedAsUnmatched() throws Exception {
        assertThat(http.get("/v2/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = http.post("/v3/site1", "");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");

        assertThat(server.unmatchedRequests()).extracting(RecordedRequest::path, RecordedRequest::responseStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/v2/nothing", 404),
                        org.assertj.core.groups.Tuple.tuple("/v3/site1", 405));
        assertThat(server.requests(Endpoint.CONFIGURATION)).isEmpty();
    }
}
