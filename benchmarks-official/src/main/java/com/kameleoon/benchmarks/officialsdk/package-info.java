/**
 * The official Kameleoon Java SDK ({@code com.kameleoon:kameleoon-client-java:4.5.0}) side of
 * {@code benchmarks/run-official-comparison.sh}: plain programs that read the fixtures this project's side wrote
 * and print results in the line format that {@code com.kameleoon.benchmarks.sidebyside.SideBySideTable} reads.
 * The official SDK has no local-datafile option: it always fetches its configuration from
 * {@code https://sdk-config.kameleoon.eu/<site code>}, so {@link com.kameleoon.benchmarks.officialsdk.LocalKameleoonServer}
 * answers that request on 127.0.0.1:443 (the JVM is given a hosts file naming 127.0.0.1 for Kameleoon's hosts).
 */
package com.kameleoon.benchmarks.officialsdk;
