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
 * <p>Only {@code KameleoonTestServer}, {@code Endpoint}, {@code Fault}, {@code RecordedRequest}, {@code TcpProxy} and
 * {@code VisitorRepositoryContract} are public; every other class of this package is package-private machinery that may
 * change at will. The server's public types are thread-safe: tests may call them from any thread while the server
 * is serving.
 */
package com.kameleoon.testkit;
