/**
 * For web integrations: a request's unit of work ({@link com.kameleoon.integration.KameleoonRequests}, {@link
 * com.kameleoon.integration.VisitorUnit}), what a request says about its visitor, the SDK's cookies, and the
 * counters of written units. The Jakarta module uses nothing else of core's machinery.
 */
package com.kameleoon.integration;
