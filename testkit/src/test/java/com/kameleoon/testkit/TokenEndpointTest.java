package com.kameleoon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/wire-format.md#oauth-token and #request-behaviour: OAuth tokens, and which Data API calls they let through. */
@Timeout(10)
class TokenEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_FORM =
            "grant_type=client_credentials&client_id=my-id&client_secret=s%C3%A9cret%20%2B";

    private KameleoonTestServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = KameleoonTestServer.start();
        http = new Http(server.baseUri());
        server.setCredentials("my-id", "s\u00e9cret +");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void issuesABearerTokenForValidCredentials() throws Exception {
        HttpResponse<String> response = http.postForm("/oauth/token", GOOD_FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isInt()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(server.issuedTokens()).containsExactly(body.get("access_token").asText());

        RecordedRequest request = server.requests(Endpoint.TOKEN).get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo(GOOD_FORM);
    }

    @Test
    void expiresInFollowsTheConfiguredLifetimeAndTokensDiffer() throws Exception {
        server.setTokenLifetimeSeconds(120);

        JsonNode first = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body());
        JsonNode second = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body());

        assertThat(first.get("expires_in").asInt()).isEqualTo(120);
        assertThat(first.get("access_token").asText()).isNotEqualTo(second.get("access_token").asText());
        assertThat(server.issuedTokens()).hasSize(2);
        assertThatThrownBy(() -> server.setTokenLifetimeSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badCredentialsOrGrantGet401() throws Exception {
        HttpResponse<String> badSecret = http.postForm("/oauth/token",
                "grant_type=client_credentials&client_id=my-id&client_secret=wrong");
        HttpResponse<String> badGrant = http.postForm("/oauth/token",
                "grant_type=password&client_id=my-id&client_secret=s%C3%A9cret%20%2B");
        HttpResponse<String> nothing = http.postForm("/oauth/token", "");

        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(badSecret.body()).isEqualTo("{\"error\":\"invalid_client\"}");
        assertThat(badGrant.statusCode()).isEqualTo(401);
        assertThat(badGrant.body()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");
        assertThat(nothing.statusCode()).isEqualTo(401);
        assertThat(server.issuedTokens()).isEmpty();
    }

    @Test
    void withoutSetCredentialsAnyNonEmptyPairIsAccepted() throws Exception {
        try (KameleoonTestServer open = KameleoonTestServer.start()) {
            Http openHttp = new Http(open.baseUri());
            assertThat(openHttp.postForm("/oauth/token",
                    "grant_type=client_credentials&client_id=a&client_secret=b").statusCode()).isEqualTo(200);
            assertThat(openHttp.postForm("/oauth/token",
                    "grant_type=client_credentials&client_id=a&client_secret=").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void dataApiIsOpenByDefaultAndClosedWhenAuthorizationIsRequired() throws Exception {
        String token = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body()).get("access_token").asText();

        assertThat(http.get("/map/map?siteCode=s&key=k").statusCode()).isEqualTo(200);
        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer not-issued").statusCode())
                .isEqualTo(200);

        server.requireAuthorization(true);

        HttpResponse<String> anonymous = http.get("/map/map?siteCode=s&key=k");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer not-issued").statusCode())
                .isEqualTo(401);
        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(http.post("/visit/events?siteCode=s", "a=1\n", "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(204);
        assertThat(http.post("/visit/events?siteCode=s", "b=2\n").statusCode()).isEqualTo(401);
        assertThat(http.get("/visit/visitor?siteCode=s&visitorCode=v").statusCode()).isEqualTo(401);
        assertThat(server.trackingLines()).containsExactly("a=1");
        // configuration and token requests are never checked
        server.setDataFile("s", null, "{}");
        assertThat(http.get("/v3/s").statusCode()).isEqualTo(200);
        assertThat(http.postForm("/oauth/token", GOOD_FORM).statusCode()).isEqualTo(200);
    }

    @Test
    void revokedTokensGet401EvenWhenAuthorizationIsNotRequired() throws Exception {
        String token = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body()).get("access_token").asText();
        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);

        server.revokeTokens();

        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
        assertThat(http.get("/map/map?siteCode=s&key=k").statusCode()).isEqualTo(200);
        String fresh = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body()).get("access_token").asText();
        assertThat(http.get("/map/map?siteCode=s&key=k", "Authorization", "Bearer " + fresh).statusCode())
                .isEqualTo(200);
        assertThat(server.issuedTokens()).containsExactly(token, fresh);
    }

    @Test
    void expiredTokensGet401() throws Exception {
        server.setTokenLifetimeSeconds(0);
        JsonNode body = JSON.readTree(http.postForm("/oauth/token", GOOD_FORM).body());
        assertThat(body.get("expires_in").asInt()).isZero();

        assertThat(http.get("/visit/visitor?siteCode=s&visitorCode=v",
                "Authorization", "Bearer " + body.get("access_token").asText()).statusCode()).isEqualTo(401);
    }
}
