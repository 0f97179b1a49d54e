package com.kameleoon.spi;

/**
 * Keeps the last good datafile of a site and environment, so that a node starting while Kameleoon is
 * unreachable serves the last known flags. The JDBC persistence stores it in the database; without one, a
 * node starts with no configuration until the first fetch succeeds.
 */
public interface DatafileCache {
    /**
     * A cached datafile.
     *
     * @param body the datafile text
     * @param lastModified its {@code Last-Modified} header, or null
     */
    record Entry(String body, String lastModified) {
    }

    /**
     * @param siteCode the site code
     * @param environment the environment, or null
     * @return the cached datafile, or null when there is none (or it cannot be read)
     */
    Entry load(String siteCode, String environment);

    /**
     * Stores a datafile that was just fetched and put in force. Must not throw.
     *
     * @param siteCode the site code
     * @param environment the environment, or null
     * @param entry the datafile
     */
    void store(String siteCode, String environment, Entry entry);
}
