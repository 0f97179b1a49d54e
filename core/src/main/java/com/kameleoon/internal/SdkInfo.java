package com.kameleoon.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's identity on the wire and in {@code SDK_LANGUAGE} targeting: {@code JAVA} and this project's version. */
public final class SdkInfo {
    /** The SDK name. */
    public static final String NAME = "JAVA";
    /** The SDK version, from the build. */
    public static final String VERSION = readVersion();

    private SdkInfo() {
    }

    private static String readVersion() {
        try (InputStream in = SdkInfo.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "0.0.0");
            int dash = version.indexOf('-');
            return dash > 0 ? version.substring(0, dash) : version;
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
