/**
 * Load programs, not JMH benchmarks: tracking delivery ({@link com.kameleoon.benchmarks.load.DeliveryThroughput}),
 * persistence throughput ({@link com.kameleoon.benchmarks.load.PersistenceThroughput}), both run by
 * {@code benchmarks/run-load.sh}, and the outbox's end-to-end latency
 * ({@link com.kameleoon.benchmarks.load.OutboxLatency}), run with the drain figure by
 * {@code benchmarks/run-outbox.sh}.
 */
package com.kameleoon.benchmarks.load;
