package com.kameleoon.testdatabases;

/** A database server this JVM started; {@link #close()} stops it. */
interface EmbeddedServer extends AutoCloseable {
    /** @return where tests find it */
    DatabaseServer server();

    /** Starts one kind of embedded server. */
    @FunctionalInterface
    interface Starter {
        EmbeddedServer start() throws Exception;
    }
}
