package com.kameleoon;

/**
 * Called after each configuration update, under the official SDK's name; see
 * {@link KameleoonClient#updateConfigurationHandler(KameleoonUpdateConfigurationHandler)}. This project's own form
 * is {@link KameleoonClient#onUpdateConfiguration(Runnable)}.
 */
@FunctionalInterface
public interface KameleoonUpdateConfigurationHandler {
    /** The configuration was updated (polling or streaming); runs on the updater's thread, so keep it short. */
    void onUpdate();
}
