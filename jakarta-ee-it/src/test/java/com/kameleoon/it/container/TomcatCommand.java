package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line {@code catalina.sh run} would execute, built without the script so the test owns the JVM
 * process directly (its pid, its signals, its exit). Thread-safe (stateless).
 */
final class TomcatCommand {
    /** The module flags catalina.sh adds: {@code JAVA_OPTS="$JAVA_OPTS --add-opens=java.base/java.lang=..."}. */
    private static final Pattern MODULE_FLAG =
            Pattern.compile("^JAVA_OPTS=\"\\$JAVA_OPTS (--(?:add-opens|enable-native-access)=[^\\s\"]+)\"",
                    Pattern.MULTILINE);

    private TomcatCommand() {
    }

    /**
     * @param catalinaHome     the unpacked distribution
     * @param base             the run's CATALINA_BASE
     * @param jmxPort          the 127.0.0.1 port of the JMX agent
     * @param systemProperties extra {@code -D} properties for the applications
     * @return the full command, java executable first
     */
    static List<String> of(Path catalinaHome, CatalinaBase base, int jmxPort, Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // A profiling hook for the benchmarks (e.g. -XX:StartFlightRecording=...); empty in tests.
        for (String extra : System.getProperty("kameleoon.it.tomcat.jvm_args", "").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                command.add(extra);
            }
        }
        // Same flags as this distribution's own script, read from it so Tomcat 10.1 and 11 each get theirs.
        command.addAll(moduleFlags(catalinaHome));
        command.add("-Dcatalina.home=" + catalinaHome);
        command.add("-Dcatalina.base=" + base.root());
        command.add("-Djava.io.tmpdir=" + base.temp());
        command.add("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
        command.add("-Djava.util.logging.config.file=" + base.root().resolve("conf/logging.properties"));
        command.add("-Dcom.sun.management.jmxremote.port=" + jmxPort);
        // The RMI object port too, or the agent picks a random one on all interfaces.
        command.add("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort);
        command.add("-Dcom.sun.management.jmxremote.host=127.0.0.1");
        command.add("-Djava.rmi.server.hostname=127.0.0.1");
        command.add("-Dcom.sun.management.jmxremote.authenticate=false");
        command.add("-Dcom.sun.management.jmxremote.ssl=false");
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-classpath");
        command.add(catalinaHome.resolve("bin/bootstrap.jar") + ":" + catalinaHome.resolve("bin/tomcat-juli.jar"));
        command.add("org.apache.catalina.startup.Bootstrap");
        command.add("start");
        return command;
    }

    static List<String> moduleFlags(Path catalinaHome) {
        Path script = catalinaHome.resolve("bin/catalina.sh");
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
        List<String> flags = new ArrayList<>();
        Matcher flag = MODULE_FLAG.matcher(text);
        while (flag.find()) {
            if (!flags.contains(flag.group(1))) {
                flags.add(flag.group(1));
            }
        }
        if (flags.isEmpty()) {
            throw new IllegalStateException("no --add-opens flags found in " + script + "; has its format changed?");
        }
        return flags;
    }
}
