package com.kameleoon.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a page labels the files of its project: a block is a file only when a line holding just its backquoted path
 * comes right before the fence; every other block is left alone, and the first {@code mvn} line naming the goal in
 * a shell block is the run command.
 */
class DocumentedProjectTest {
    private static final String PAGE = """
            # Title

            `pom.xml`
            ```xml
            <project/>
            ```

            `src/main/resources/a.properties`
            ~~~~properties
            a=1
            ```
            b=2
            ~~~~

            `not-a-file.txt`

            ```text
            output, not a file: a blank line separates it from the label
            ```

            ```shell
            mvn -DskipTests install
            mvn package cargo:run
            mvn package cargo:run -Dhttp.port=9090
            ```
            """;

    @Test
    void labelledBlocksAreFilesInPageOrderWithTheirExactText() {
        DocumentedProject project = DocumentedProject.parse(PAGE, "cargo:run");

        assertThat(project.files()).containsExactly(
                Map.entry("pom.xml", "<project/>\n"),
                Map.entry("src/main/resources/a.properties", "a=1\n```\nb=2\n"));
    }

    @Test
    void theRunCommandIsTheFirstMvnLineNamingTheGoal() {
        DocumentedProject project = DocumentedProject.parse(PAGE, "cargo:run");

        assertThat(project.runCommand()).containsExactly("mvn", "package", "cargo:run");
        assertThat(project.runArguments()).containsExactly("package", "cargo:run");
    }

    @Test
    void aPageWithoutTheCommandOrWithABadPathIsRefused() {
        assertThatThrownBy(() -> DocumentedProject.parse(PAGE, "jetty:run")).hasMessageContaining("jetty:run");
        assertThatThrownBy(() -> DocumentedProject.parse("`../pom.xml`\n```xml\n<project/>\n```\n", "x"))
                .hasMessageContaining("not a path inside the project");
        assertThatThrownBy(() -> DocumentedProject.parse("`a`\n```\n1\n```\n`a`\n```\n2\n```\n", "x"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> DocumentedProject.parse("`a`\n```\n1\n", "x")).hasMessageContaining("never closed");
    }

    @Test
    void theGettingStartedPageShowsAWholeProjectAndHowToRunIt() throws IOException {
        Path page = Path.of("..", "docs", "getting-started.md");
        DocumentedProject project = DocumentedProject.parse(Files.readString(page), "cargo:run");

        assertThat(project.files()).containsOnlyKeys("pom.xml", "src/main/resources/kameleoon.properties",
                "src/main/resources/datafile.json", "src/main/java/com/example/hello/HelloServlet.java",
                "src/main/webapp/WEB-INF/hello.jsp");
        assertThat(project.runCommand()).isEqualTo(List.of("mvn", "package", "cargo:run"));
    }
}
