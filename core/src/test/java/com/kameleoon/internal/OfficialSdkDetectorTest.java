package com.kameleoon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check for the official SDK on the class path: it names the jar, and says nothing otherwise. */
class OfficialSdkDetectorTest {
    @TempDir
    Path directory;

    @Test
    void theOfficialSdkBesideThisOneIsNamed() throws Exception {
        Path officialJar = directory.resolve("kameleoon-client-java-4.5.0");
        Files.createDirectories(officialJar.resolve("com/kameleoon"));
        Files.write(officialJar.resolve(OfficialSdkDetector.OFFICIAL_ONLY_CLASS), new byte[] {(byte) 0xCA});
        try (URLClassLoader loader = new URLClassLoader(new URL[] {officialJar.toUri().toURL()},
                getClass().getClassLoader())) {
            String message = OfficialSdkDetector.officialSdkMessage(loader);

            assertThat(message).contains("kameleoon-client-java-4.5.0").contains("com.kameleoon.KameleoonClient")
                    .contains("Remove the official SDK's dependency");
        }
    }

    @Test
    void thisSdkAloneIsFine() {
        assertThat(OfficialSdkDetector.officialSdkMessage(getClass().getClassLoader())).isNull();
    }
}
