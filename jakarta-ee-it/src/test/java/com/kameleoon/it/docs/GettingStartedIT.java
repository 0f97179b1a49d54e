package com.kameleoon.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.it.container.Deadline;
import com.kameleoon.it.container.FreePorts;
import com.kameleoon.it.container.Http;
import com.kameleoon.it.container.HttpReply;
import com.kameleoon.it.container.ItPaths;
import com.kameleoon.it.container.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code docs/getting-started.md} as its reader runs it: given the files the page shows (see
 * {@link DocumentedProject} for how they are labelled) written into an empty folder, when the page's
 * {@code mvn package cargo:run} builds the WAR and runs it on Tomcat 11, then the page answers with a new visitor's
 * {@code kameleoonVisitorCode} cookie and that visitor's variation and message, the same variation again when the
 * cookie comes back, and exactly the lines the page shows for the visitors {@code alice} and {@code bob}.
 *
 * <p>The child build gets this build's artifacts, which {@code mvn verify} installs nowhere, from a scratch local
 * repository ({@link ReactorArtifacts}), and everything else from the parent build's local repository
 * ({@link ChildMaven}); it runs offline when the parent does. Its output is kept in {@code maven.log} beside the
 * project under {@code target/it-work/getting-started-*} and printed when the test fails. The build and Tomcat are
 * stopped, whatever happens, within a bound.
 */
class GettingStartedIT {
    private static final String DOCUMENT = "docs/getting-started.md";
    private static final String RUN_GOAL = "cargo:run";
    private static final String PAGE = "/hello-kameleoon/hello";
    private static final String VISITOR_COOKIE = "kameleoonVisitorCode";
    /** An offline build takes 20 to 40 s here, Tomcat's start 10 s; a loaded two-core machine is slower. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** What this build must hand to the child: the SDK, what it depends on, and their parent POM. */
    private static final List<String> REQUIRED_ARTIFACTS = List.of("kameleoon-ee-parent", "kameleoon-core",
            "kameleoon-migrations", "kameleoon-persistence", "kameleoon-jakarta-ee");
    private static final String ON_MESSAGE = "<h1>Welcome! Shipping is free today.</h1>";
    private static final String OFF_MESSAGE = "<h1>Welcome!</h1>";
    private static final Map<String, List<String>> DOCUMENTED_VISITORS = Map.of(
            "alice", List.of(ON_MESSAGE, "<p>Variation: <b>on</b></p>", "<p>Visitor code: <code>alice</code></p>"),
            "bob", List.of(OFF_MESSAGE, "<p>Variation: <b>off</b></p>", "<p>Visitor code: <code>bob</code></p>"));

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theDocumentsProjectRunsOnTomcatAndShowsEachVisitorItsVariation() throws IOException {
        Path root = repositoryRoot();
        String markdown = Files.readString(root.resolve(DOCUMENT), StandardCharsets.UTF_8);
        DocumentedProject documented = DocumentedProject.parse(markdown, RUN_GOAL);
        assertTheDocumentUsesThisBuildsVersions(root, documented);

        Path work = ItPaths.newWorkDirectory("getting-started");
        Path project = work.resolve("hello-kameleoon");
        write(project, documented);
        List<String> installed = ReactorArtifacts.install(root, work.resolve("repository")).stream()
                .map(ReactorArtifacts.Coordinates::artifactId).toList();
        assertThat(installed).as("artifacts of this build found under <module>/target (build them first: mvn -pl "
                + "jakarta-ee-it -am verify)").containsAll(REQUIRED_ARTIFACTS);

        ChildMaven maven = ChildMaven.create(work, work.resolve("repository"), parentRepository(), parentOffline());
        int httpPort = FreePorts.allocate();
        int shutdownPort = otherFreePort(httpPort);
        List<String> arguments = new ArrayList<>(documented.runArguments());
        arguments.add("-Dhttp.port=" + httpPort);
        arguments.add("-Dcargo.rmi.port=" + shutdownPort);
        Path log = work.resolve("maven.log");
        long start = System.nanoTime();
        ProcessTree build = maven.start(project, arguments, log);
        boolean passed = false;
        try {
            String url = "http://127.0.0.1:" + httpPort + PAGE;
            HttpReply newVisitor = awaitPage(url, build);
            System.out.printf("getting-started: built and started in %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));

            assertANewVisitorGetsACookieAndItsVariation(newVisitor, url);
            for (Map.Entry<String, List<String>> visitor : DOCUMENTED_VISITORS.entrySet()) {
                HttpReply reply = Http.get(url, VISITOR_COOKIE + "=" + visitor.getKey());
                assertThat(reply.status()).isEqualTo(200);
                for (String line : visitor.getValue()) {
                    assertThat(reply.body()).as("page of %s", visitor.getKey()).contains(line);
                    assertThat(markdown).as("%s shows the page of %s", DOCUMENT, visitor.getKey()).contains(line);
                }
            }
            passed = true;
        } finally {
            long stop = System.nanoTime();
            build.stop(STOP_GRACE);
            System.out.printf("getting-started: stopped in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop));
            if (!passed) {
                System.out.println("==> " + log + " <==\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        assertThat(build.isAlive()).as("Maven after stop").isFalse();
    }

    private static void assertANewVisitorGetsACookieAndItsVariation(HttpReply reply, String url) {
        assertThat(reply.setCookie(VISITOR_COOKIE)).as("Set-Cookie headers %s", reply.setCookies())
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=32832000", "path=/",
                        "SameSite=Lax"));
        assertThat(reply.cookie("JSESSIONID")).as("the page opens no session").isEmpty();
        String code = reply.cookie(VISITOR_COOKIE).orElseThrow();
        assertThat(reply.body()).contains("<p>Visitor code: <code>" + code + "</code></p>");
        String variation = reply.body().contains("<p>Variation: <b>on</b></p>") ? "on" : "off";
        assertThat(reply.body()).contains("<p>Variation: <b>" + variation + "</b></p>",
                variation.equals("on") ? ON_MESSAGE : OFF_MESSAGE);

        HttpReply again = Http.get(url, VISITOR_COOKIE + "=" + code);
        assertThat(again.body()).as("the same visitor again").contains("<p>Variation: <b>" + variation + "</b></p>");
    }

    /** Polls the page until it answers 200: Maven has built the WAR, Cargo has started Tomcat and deployed it. */
    private static HttpReply awaitPage(String url, ProcessTree build) {
        Deadline deadline = Deadline.in(READY_TIMEOUT);
        while (true) {
            if (!build.isAlive()) {
                throw new AssertionError("Maven ended before " + url + " answered (see its log below)");
            }
            try {
                HttpReply reply = Http.get(url);
                if (reply.status() == 200) {
                    return reply;
                }
            } catch (UncheckedIOException notYetListening) {
                // Tomcat is not up yet.
            }
            if (deadline.expired()) {
                throw new AssertionError(url + " did not answer 200 within " + deadline.budget());
            }
            deadline.pause();
        }
    }

    /*
     * The page must name this build's version of the SDK, and the Tomcat distribution that this module's tests
     * already take from Maven Central: then an offline build finds both.
     */
    private static void assertTheDocumentUsesThisBuildsVersions(Path root, DocumentedProject documented) {
        Path rootPom = root.resolve("pom.xml");
        String pom = documented.files().get("pom.xml");
        assertThat(pom).as("%s shows a pom.xml (files: %s)", DOCUMENT, documented.files().keySet()).isNotNull();
        assertThat(pom).as("the SDK version in the pom.xml of %s", DOCUMENT)
                .contains("<version>" + ReactorArtifacts.version(rootPom) + "</version>");
        assertThat(pom).as("the Tomcat version in the pom.xml of %s (property tomcat11.version)", DOCUMENT)
                .contains("<version>" + ReactorArtifacts.property(rootPom, "tomcat11.version") + "</version>");
    }

    private static void write(Path project, DocumentedProject documented) throws IOException {
        for (Map.Entry<String, String> file : documented.files().entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        // An empty .mvn stops mvn's search for the project's base folder here, so that a .mvn/maven.config of
        // this repository, above target/, could never apply to the reader's project.
        Files.createDirectories(project.resolve(".mvn"));
    }

    /** @return the folder above the working directory that holds pom.xml, README.md and core/ */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** @return the parent build's local repository (failsafe passes it; ~/.m2/repository otherwise) */
    private static Path parentRepository() {
        String configured = System.getProperty("kameleoon.it.maven.repository");
        return configured != null && !configured.isBlank() && !configured.contains("${")
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** @return whether the parent build runs offline (failsafe passes "offline=true|false"; offline otherwise) */
    private static boolean parentOffline() {
        return !"offline=false".equals(System.getProperty("kameleoon.it.maven.mode"));
    }

    private static int otherFreePort(int taken) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = FreePorts.allocate();
            if (port != taken) {
                return port;
            }
        }
        throw new IllegalStateException("the operating system keeps handing out port " + taken);
    }
}
