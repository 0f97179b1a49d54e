package com.kameleoon.internal;

import com.kameleoon.logging.KameleoonLogger;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the user, once per class loader, when the official Kameleoon Java SDK ({@code kameleoon-client-java} or
 * {@code kameleoon-client-java-jakarta}) is on the class path beside this SDK. Both define
 * {@code com.kameleoon.KameleoonClient} and friends, so the class loader silently takes one of each pair and the
 * application fails later in ways that do not point at the cause. Thread-safe.
 */
public final class OfficialSdkDetector {
    /** A class only the official SDK has. */
    static final String OFFICIAL_ONLY_CLASS = "com/kameleoon/KameleoonClientImpl.class";
    private static final String SHARED_CLASS = "com/kameleoon/KameleoonClient.class";
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private OfficialSdkDetector() {
    }

    /** Checks the class path the first time it is called and logs an error naming the official SDK's jar. */
    public static void checkOnce() {
        if (CHECKED.compareAndSet(false, true)) {
            String message = officialSdkMessage(OfficialSdkDetector.class.getClassLoader());
            if (message != null) {
                KameleoonLogger.error(message);
            }
        }
    }

    /**
     * @param loader the class loader to search
     * @return the error to log, or null when the official SDK is not visible to the loader
     */
    static String officialSdkMessage(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try {
            List<URL> official = Collections.list(loader.getResources(OFFICIAL_ONLY_CLASS));
            List<URL> shared = Collections.list(loader.getResources(SHARED_CLASS));
            if (official.isEmpty() && shared.size() < 2) {
                return null;
            }
            List<URL> where = new ArrayList<>(official);
            where.addAll(shared);
            return "the official Kameleoon Java SDK (com.kameleoon:kameleoon-client-java or "
                    + "kameleoon-client-java-jakarta) is on the class path beside kameleoon-ee: " + where
                    + ". Both define com.kameleoon.KameleoonClient and other classes of the same names, and only one "
                    + "of each is loaded, so calls may reach the wrong SDK. Remove the official SDK's dependency: "
                    + "kameleoon-ee offers its documented API (see docs/migration-from-official-sdk.md).";
        } catch (IOException e) {
            return null;
        }
    }
}
