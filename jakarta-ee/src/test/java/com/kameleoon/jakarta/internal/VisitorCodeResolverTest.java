package com.kameleoon.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorCodeResolverTest {
    @Test
    void acceptsGeneratedAndCustomCodesButNoMarkupOrControlCharacters() {
        assertThat(VisitorCodeResolver.isAcceptable("a1b2c3d4e5f6g7h8")).isTrue();
        assertThat(VisitorCodeResolver.isAcceptable("_js_89z69qhrymnumelv")).isTrue();
        assertThat(VisitorCodeResolver.isAcceptable("user@example.com")).isTrue();
        assertThat(VisitorCodeResolver.isAcceptable("<script>alert(1)</script>")).isFalse();
        assertThat(VisitorCodeResolver.isAcceptable("a\"b")).isFalse();
        assertThat(VisitorCodeResolver.isAcceptable("caf\u00e9")).isFalse();
        assertThat(VisitorCodeResolver.isAcceptable("x".repeat(256))).isFalse();
        assertThat(VisitorCodeResolver.isAcceptable("")).isFalse();
    }
}
