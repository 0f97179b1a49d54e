package com.kameleoon.jakarta.internal;

import com.kameleoon.integration.RequestFacts;

/**
 * A request's visitor as the filter resolved it. Immutable (the jar belongs to the request).
 *
 * @param visitorCode the visitor code
 * @param facts what the request says about the visitor
 * @param cookies the exchange's cookies
 */
public record RequestBinding(String visitorCode, RequestFacts facts, ServletCookieJar cookies) {
}
