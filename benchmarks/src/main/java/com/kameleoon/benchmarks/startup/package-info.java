/**
 * Client start-up times ({@link com.kameleoon.benchmarks.startup.StartupTime}, run by
 * {@code benchmarks/run-startup.sh}): a plain program that starts fresh JVMs, not a JMH benchmark.
 */
package com.kameleoon.benchmarks.startup;
