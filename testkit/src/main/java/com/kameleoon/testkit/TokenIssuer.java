package com.kameleoon.testkit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake OAuth server's state: expected credentials, issued tokens (with expiry and revocation) and whether the
 * Data API insists on a token. Thread-safe (synchronized).
 */
final class TokenIssuer {
    static final int DEFAULT_LIFETIME_SECONDS = 3600;

    /** The outcome of a token request. */
    record Grant(String token, int expiresIn, String error) {
        boolean granted() {
            return token != null;
        }
    }

    private static final class Token {
        final Instant expiresAt;
        boolean revoked;

        Token(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private String clientId;
    private String clientSecret;
    private int lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
    private boolean authorizationRequired;

    synchronized void setCredentials(String id, String secret) {
        this.clientId = id;
        this.clientSecret = secret;
    }

    synchronized void setLifetimeSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("token lifetime must not be negative: " + seconds);
        }
        this.lifetimeSeconds = seconds;
    }

    synchronized void requireAuthorization(boolean required) {
        this.authorizationRequired = required;
    }

    /** Handles a decoded token-request form (docs/wire-format.md#token-request). */
    synchronized Grant grant(Map<String, List<String>> form, Instant now) {
        if (!"client_credentials".equals(QueryString.first(form, "grant_type"))) {
            return new Grant(null, 0, "unsupported_grant_type");
        }
        String id = QueryString.first(form, "client_id");
        String secret = QueryString.first(form, "client_secret");
        boolean valid = clientId == null
                ? id != null && !id.isEmpty() && secret != null && !secret.isEmpty()
                : clientId.equals(id) && clientSecret.equals(secret);
        if (!valid) {
            return new Grant(null, 0, "invalid_client");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, new Token(now.plusSeconds(lifetimeSeconds)));
        return new Grant(token, lifetimeSeconds, null);
    }

    /** @return every token issued so far, in issue order */
    synchronized Set<String> issued() {
        return new LinkedHashSet<>(tokens.keySet());
    }

    synchronized void revokeAll() {
        tokens.values().forEach(t -> t.revoked = true);
    }

    /**
     * Decides whether a Data API call may pass: a call carrying a token this server issued that is revoked or expired
     * is always refused; when authorization is required, so is a call without a valid issued token.
     *
     * @param authorization the {@code Authorization} header, or null
     */
    synchronized boolean authorize(String authorization, Instant now) {
        String bearer = bearerToken(authorization);
        Token token = bearer == null ? null : tokens.get(bearer);
        if (token != null) {
            return !token.revoked && now.isBefore(token.expiresAt);
        }
        return !authorizationRequired;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return value.substring(7).trim();
    }
}
