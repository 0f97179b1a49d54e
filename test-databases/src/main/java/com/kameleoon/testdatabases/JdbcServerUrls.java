package com.kameleoon.testdatabases;

/** Rewrites server JDBC URLs ({@code jdbc:vendor://host:port/database?properties}). */
final class JdbcServerUrls {
    private JdbcServerUrls() {
    }

    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("Not a server URL: " + url);
        }
        int query = url.indexOf('?', hostStart + 2);
        int slash = url.indexOf('/', hostStart + 2);
        int hostEnd = slash >= 0 && (query < 0 || slash < query) ? slash : query >= 0 ? query : url.length();
        return url.substring(0, hostEnd) + '/' + database + (query >= 0 ? url.substring(query) : "");
    }
}
