package com.kameleoon.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh server per test and a client for it: what every endpoint test starts from. */
abstract class ServerTestBase {
    /** The server under test, started before each test and closed after it. */
    protected KameleoonTestServer server;
    /** A plain HTTP client of that server. */
    protected Http http;

    @BeforeEach
    void startServer() {
        server = KameleoonTestServer.start();
        http = new Http(server.baseUri());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
