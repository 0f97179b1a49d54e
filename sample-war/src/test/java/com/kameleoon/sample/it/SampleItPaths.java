package com.kameleoon.sample.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The paths failsafe hands to the sample's integration tests (see the module's pom): the WAR and the folder for
 * artifacts a person looks at afterwards (screenshots). Thread-safe (stateless).
 */
final class SampleItPaths {
    private SampleItPaths() {
    }

    /** @return {@code kameleoon-sample.war} */
    static Path war() {
        String value = System.getProperty("kameleoon.sample.war");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property kameleoon.sample.war is not set: run through failsafe"
                    + " (mvn -pl sample-war verify)");
        }
        Path war = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("kameleoon.sample.war points to " + war + ", which does not exist");
        }
        return war;
    }

    /** @return {@code kameleoon.it.artifacts}, created if missing */
    static Path artifacts() {
        String value = System.getProperty("kameleoon.it.artifacts");
        Path folder = Path.of(value != null && !value.isBlank() ? value : "target/test-artifacts").toAbsolutePath();
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }
}
