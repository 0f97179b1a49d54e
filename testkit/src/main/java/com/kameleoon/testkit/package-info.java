/**
 * An in-process fake Kameleoon backend for tests: {@link com.kameleoon.testkit.KameleoonTestServer} listens on
 * a real loopback HTTP port and plays the configuration server, the real-time (SSE) server, the OAuth server
 * and the Data API at once, records what it receives ({@link com.kameleoon.testkit.RecordedRequest}) and
 * injects {@link com.kameleoon.testkit.Fault faults} per {@link com.kameleoon.testkit.Endpoint endpoint}.
 * {@link com.kameleoon.testkit.TcpProxy} sits in front of any other TCP server (a database) and takes it away
 * at the network level: refused connections or a silent partition.
 *
 * <p>{@link com.kameleoon.testkit.VisitorRepositoryContract} is the JUnit 5 contract test of the visitor store
 * SPI ({@code com.kameleoon.spi.VisitorRepository}): the in-memory and JDBC repositories extend it, and so should
 * any other implementation. It needs {@code junit-jupiter-api} on the test class path, which this module does not
 * bring.
 *
 * <p>Flags can be declared in code instead of datafile files: {@link com.kameleoon.testkit.TestDataFile} (built from
 * {@link com.kameleoon.testkit.TestFlag}, {@link com.kameleoon.testkit.TestVariation},
 * {@link com.kameleoon.testkit.VariationWeight} and {@link com.kameleoon.testkit.TestCondition}) writes the JSON the
 * configuration server would send. The JUnit 5 extension {@link com.kameleoon.testkit.KameleoonExtension} (or
 * {@link com.kameleoon.testkit.KameleoonTest}) runs a server per test class and a ready client per test, serves the
 * class's {@link com.kameleoon.testkit.KameleoonDataFile}, changes flags through
 * {@link com.kameleoon.testkit.TestSite}, and lets tests check tracking with
 * {@link com.kameleoon.testkit.KameleoonTracking} and {@link com.kameleoon.testkit.KameleoonAssertions}. These need
 * {@code junit-jupiter-api} on the test class path too.
 *
 * <p>Only {@code KameleoonTestServer}, {@code Endpoint}, {@code Fault}, {@code RecordedRequest}, {@code TcpProxy},
 * {@code VisitorRepositoryContract} and the types named above (with {@code TrackingAssert}) are public; every other
 * class of this package is package-private machinery that may change at will. The server's public types are
 * thread-safe: tests may call them from any thread while the server is serving; the declared-flag types are
 * immutable.
 */
package com.kameleoon.testkit;
