package com.kameleoon.it.docs;

import com.kameleoon.it.container.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maven ({@code mvn} from the {@code PATH}) building a scratch project in a process of its own, with a local
 * repository of its own, so that this build's artifacts can be handed to it without installing them into the
 * user's repository, and nothing it resolves is written there either.
 *
 * <p>Its {@code settings.xml} names the scratch local repository and declares the parent build's local repository
 * ({@code ~/.m2/repository}) as a {@code file:} remote repository, searched before Maven Central for releases and
 * plugins. Maven 3.8 has no {@code maven.repo.local.tail}, and a remote repository is how a second local
 * repository can be read. Offline ({@code -o}, when the parent build is offline), Maven reaches no remote
 * repository unless its protocol is listed in {@code aether.offline.protocols}: {@code file} is, so the child
 * resolves from the two folders and from nothing else. Online, what neither folder has comes from Central into the
 * scratch repository. Immutable and thread-safe.
 */
final class ChildMaven {
    private static final String REPOSITORY_ID = "parent-local-repository";

    private final Path settings;
    private final boolean offline;

    private ChildMaven(Path settings, boolean offline) {
        this.settings = settings;
        this.offline = offline;
    }

    /**
     * Writes {@code settings.xml} into {@code work}.
     *
     * @param work             the scratch folder
     * @param localRepository  the child's local repository (this build's artifacts installed in it)
     * @param parentRepository the parent build's local repository, read as a remote one
     * @param offline          whether the child runs offline
     * @return the child's Maven
     */
    static ChildMaven create(Path work, Path localRepository, Path parentRepository, boolean offline) {
        String url = xml(parentRepository.toUri().toString());
        String repository = "<id>" + REPOSITORY_ID + "</id><url>" + url + "</url>"
                // ~/.m2 keeps checksums of downloads only, not of what was installed there.
                + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                // SNAPSHOTs of a local repository have no remote metadata; this build's own are local to the child.
                + "<snapshots><enabled>false</enabled></snapshots>";
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>%s</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>%s</activeProfile></activeProfiles>
                </settings>
                """.formatted(xml(localRepository.toAbsolutePath().toString()), REPOSITORY_ID, repository, repository,
                REPOSITORY_ID);
        Path settings = work.resolve("settings.xml");
        try {
            Files.writeString(settings, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings, e);
        }
        return new ChildMaven(settings, offline);
    }

    /**
     * @param arguments goals and {@code -D} options, as after {@code mvn} on a command line
     * @return the full command
     */
    List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-s", settings.toString(), "-Daether.offline.protocols=file"));
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts the build; stop it with {@link ProcessTree#stop}.
     *
     * @param project   the project folder (holding {@code pom.xml})
     * @param arguments goals and options
     * @param log       the file that receives its output
     * @return the running build and what it started
     */
    ProcessTree start(Path project, List<String> arguments, Path log) {
        List<String> command = command(arguments);
        try {
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ProcessTree(process, "maven-" + project.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (is mvn on the PATH?)", e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
