package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version for a container whose classes need a newer Java than the build
 * (Payara Micro 7 is compiled for Java 21; the build runs on 17). In order: the JAVA_HOME named by the system
 * property {@code kameleoon.it.payara.java_home}, the test JVM itself, then the newest JDK under
 * {@code /usr/lib/jvm} (where Debian and the Temurin packages put them), read from each one's {@code release}
 * file. Thread-safe (stateless).
 */
final class JavaHomes {
    static final String PROPERTY = "kameleoon.it.payara.java_home";
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaHomes() {
    }

    /**
     * @param feature the lowest Java feature version the process runs on, such as 21
     * @return a JAVA_HOME whose {@code bin/java} is of that version or newer
     * @throws IllegalStateException if there is none, saying how to name one
     */
    static Path atLeast(int feature) {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named).toAbsolutePath();
            int version = version(home).orElse(0);
            if (version < feature) {
                throw new IllegalStateException(PROPERTY + "=" + home + " is not a JDK " + feature + " or newer"
                        + " (release file says " + (version == 0 ? "nothing" : version) + ")");
            }
            return home;
        }
        if (Runtime.version().feature() >= feature) {
            return Path.of(System.getProperty("java.home"));
        }
        return installed().filter(home -> version(home).orElse(0) >= feature)
                .max(Comparator.comparingInt(home -> version(home).orElse(0)))
                .orElseThrow(() -> new IllegalStateException("no Java " + feature + " or newer: the tests run on "
                        + Runtime.version().feature() + " and " + JVM_DIRECTORY + " has none; install one (the"
                        + " build machines have Temurin's) or name its home with -D" + PROPERTY + "=..."));
    }

    private static Stream<Path> installed() {
        if (!Files.isDirectory(JVM_DIRECTORY)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(JVM_DIRECTORY)) {
            return list.filter(home -> Files.isExecutable(home.resolve("bin/java"))).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + JVM_DIRECTORY, e);
        }
    }

    /* JAVA_VERSION="25.0.3" or "1.8.0_452": the feature version, where 1.x counts as x < 9 and so never matches. */
    private static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
