package com.kameleoon.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A POST is accepted only when the form field, the strict cookie and the session's token agree, from this origin. */
class CsrfTokensTest {
    private static final String TOKEN = "k3y-of-the-session";
    private static final String HOST = "127.0.0.1:8080";

    @Test
    void theSessionsTokenInTheFieldAndTheCookieIsAccepted() {
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, null, HOST)).isTrue();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "http://127.0.0.1:8080", HOST)).isTrue();
    }

    @Test
    void aFormWithoutTheTokenIsRefused() {
        assertThat(CsrfTokens.accepts(TOKEN, null, TOKEN, null, HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, "", TOKEN, null, HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, "guess", TOKEN, null, HOST)).isFalse();
    }

    @Test
    void aPostWithoutTheStrictCookieIsRefused_asACrossSitePostWouldBe() {
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, null, null, HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, "other", null, HOST)).isFalse();
    }

    @Test
    void withoutASessionTokenNothingIsAccepted() {
        assertThat(CsrfTokens.accepts(null, TOKEN, TOKEN, null, HOST)).isFalse();
        assertThat(CsrfTokens.accepts(null, null, null, null, HOST)).isFalse();
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheToken() {
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "http://evil.example", HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "http://127.0.0.1:9090", HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "null", HOST)).isFalse();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "http://127.0.0.1:8080", null)).isFalse();
    }

    @Test
    void aDefaultPortInTheHostHeaderIsTheOriginWithoutPort() {
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "https://shop.example", "shop.example:443")).isTrue();
        assertThat(CsrfTokens.accepts(TOKEN, TOKEN, TOKEN, "https://SHOP.example", "shop.example")).isTrue();
    }
}
