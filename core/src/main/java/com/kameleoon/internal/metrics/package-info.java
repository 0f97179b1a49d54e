/**
 * The counters behind {@link com.kameleoon.integration.ClientMetrics}: evaluations by flag and variation (bounded by
 * the datafile in force) and the durations of background operations.
 */
package com.kameleoon.internal.metrics;
