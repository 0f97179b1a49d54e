package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The paths failsafe hands to the integration tests as system properties (see the module's pom): the two WARs,
 * the unpacked distributions, the Payara Micro jar and the scratch directory. Thread-safe (stateless).
 */
public final class ItPaths {
    private ItPaths() {
    }

    /** @return the Tomcat WAR, which carries weld-servlet for CDI */
    public static Path tomcatWar() {
        return existing("kameleoon.it.war");
    }

    /** @return the same WAR without weld-servlet, for WildFly and Payara Micro, which bring their own CDI */
    public static Path wildflyWar() {
        return existing("kameleoon.it.war.wildfly");
    }

    /** @return CATALINA_HOME of the unpacked Tomcat 11 */
    public static Path tomcat11() {
        return existing("kameleoon.it.tomcat11");
    }

    /** @return CATALINA_HOME of the unpacked Tomcat 10.1 */
    public static Path tomcat10() {
        return existing("kameleoon.it.tomcat10");
    }

    /** @return JBOSS_HOME of the unpacked WildFly */
    public static Path wildfly() {
        return existing("kameleoon.it.wildfly");
    }

    /** @return {@code payara-micro.jar}, run with {@code java -jar} by {@link PayaraMicroServer} */
    public static Path payaraMicro() {
        return existing("kameleoon.it.payara-micro");
    }

    /**
     * @param prefix start of the directory name, say the container's name
     * @return a new, empty directory {@code <prefix>-<random>} under {@code kameleoon.it.work}
     */
    public static Path newWorkDirectory(String prefix) {
        String work = System.getProperty("kameleoon.it.work");
        // Outside failsafe (an IDE run from the module directory) fall back to where failsafe would point.
        Path root = Path.of(work != null && !work.isBlank() ? work : "target/it-work").toAbsolutePath();
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + root, e);
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration tests"
                    + " through failsafe (mvn -pl jakarta-ee-it verify), which sets it and unpacks the containers");
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist");
        }
        return path;
    }
}
