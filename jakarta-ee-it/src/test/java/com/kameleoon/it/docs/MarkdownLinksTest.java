package com.kameleoon.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.kameleoon.it.docs.MarkdownLinks.Link;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's documents stand alone. Every relative link of every Markdown file resolves: the file or folder
 * exists inside the repository, and a {@code #fragment} into a Markdown file names one of its heading anchors (as
 * GitHub makes them). Every {@code docs/<name>.md#anchor} cited by code, tests or test data names a heading of that
 * document. Build output ({@code target/}), {@code .git/} and {@code node_modules/} are skipped. The nested classes
 * pin the reading rules of {@link MarkdownLinks} on small texts.
 */
class MarkdownLinksTest {
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules");
    private static final Set<String> SOURCE_SUFFIXES =
            Set.of(".java", ".json", ".xml", ".properties", ".yaml", ".yml", ".sh", ".js", ".md");
    /** {@code docs/evaluation.md#rule-loop}: a document of the repository and one of its anchors. */
    private static final Pattern CITATION = Pattern.compile("\\b(docs/[\\w-]+\\.md)#([\\w-]+)");
    /** The documents this project was first described in; they live outside the repository. */
    private static final Pattern OUTSIDE_DOCUMENT =
            Pattern.compile("\\bprotocol\\.md\\b|\\bDESIGN\\.md\\b|\\bspec/(?:evaluation|protocol)\\.md\\b|\\u00a7");

    @Test
    void everyRelativeLinkInTheRepositoryResolves() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = markdownFiles(root);
        assertThat(files).as("Markdown files under %s", root).contains(root.resolve("README.md"));

        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(MarkdownLinks.brokenLinks(root, file, read(file),
                    target -> anchors.computeIfAbsent(target, t -> MarkdownLinks.anchors(read(t)))));
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " broken link(s) in " + files.size() + " Markdown files:\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * Code, tests and test data cite the documents as {@code docs/<name>.md#anchor}: each cited anchor is a heading of
     * that document, and no file cites the documents the project started from, which are not in the repository.
     */
    @Test
    void everyDocumentCitedInTheSourcesIsInTheRepository() throws IOException {
        Path root = repositoryRoot();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files(root, SOURCE_SUFFIXES)) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String where = root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": ";
                Matcher citation = CITATION.matcher(lines.get(i));
                while (citation.find()) {
                    Path document = root.resolve(citation.group(1));
                    if (!Files.isRegularFile(document)) {
                        problems.add(where + citation.group() + " (no such document)");
                    } else if (!anchors.computeIfAbsent(document, d -> MarkdownLinks.anchors(read(d)))
                            .contains(citation.group(2))) {
                        problems.add(where + citation.group() + " (no heading with that anchor)");
                    }
                }
                Matcher outside = OUTSIDE_DOCUMENT.matcher(lines.get(i));
                if (outside.find()) {
                    problems.add(where + outside.group() + " (a document outside the repository)");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " bad citation(s):\n" + String.join("\n", problems));
        }
    }

    /* Surefire runs in the module's folder; the root is the nearest folder above holding pom.xml, README.md, core/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("core"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        return files(root, Set.of(".md"));
    }

    private static List<Path> files(Path root, Set<String> suffixes) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                String suffix = name.substring(Math.max(0, name.lastIndexOf('.')));
                if (attributes.isRegularFile() && suffixes.contains(suffix)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> targets(String markdown) {
        return MarkdownLinks.links(markdown.lines().toList()).stream().map(Link::target).toList();
    }

    @Nested
    class Extraction {
        @Test
        void inlineLinksImagesAndReferenceDefinitionsWithTheirLines() {
            List<Link> links = MarkdownLinks.links(List.of(
                    "See [the guide](manual/guide.md) and ![a diagram](img/flow.png).",
                    "",
                    "[guide]: manual/guide.md#setup",
                    "   [spaced]: <docs/a b.md> \"Title\""));

            assertThat(links).containsExactly(new Link(1, "manual/guide.md"), new Link(1, "img/flow.png"),
                    new Link(3, "manual/guide.md#setup"), new Link(4, "docs/a b.md"));
        }

        @Test
        void titlesAreNotPartOfTheTarget() {
            assertThat(targets("[a](b.md \"title\") [c](d.md 'title') [e](f.md (title)) [g](<h i.md> \"t\")"))
                    .containsExactly("b.md", "d.md", "f.md", "h i.md");
        }

        @Test
        void balancedParenthesesBelongToTheTarget() {
            assertThat(targets("[a](foo(bar).md) and ([b](c.md))")).containsExactly("foo(bar).md", "c.md");
        }

        @Test
        void nothingInsideFencedCodeBlocksIsALink() {
            assertThat(targets("""
                    [before](a.md)
                    ```java
                    [inside](nope.md)
                    ```
                    ~~~~
                    [tilde](nope.md)
                    ```
                    [still inside: a backtick fence does not close a tilde fence](nope.md)
                    ~~~~
                      ```
                      [indented fence](nope.md)
                      ```
                    [after](b.md)
                    """)).containsExactly("a.md", "b.md");
        }

        @Test
        void nothingInsideInlineCodeIsALink() {
            assertThat(targets("`[code](nope.md)` then ``[a ` b](nope.md)`` then [real](yes.md) and `unclosed"))
                    .containsExactly("yes.md");
        }

        @Test
        void codeInsideTheLinkTextDoesNotHideTheLink() {
            assertThat(targets("[`KameleoonClient`](core/README.md)")).containsExactly("core/README.md");
        }

        @Test
        void escapedBracketsAndBareBracketsAreNoLinks() {
            assertThat(targets("\\[not a link\\](nope.md), [only text], [label][ref], a (parenthesis)")).isEmpty();
        }

        @Test
        void linkTextsAndCodeSpansMayRunOverALineBreakButNotOverABlankLine() {
            List<Link> links = MarkdownLinks.links(List.of(
                    "See [the",
                    "guide](manual/guide.md) and `code that",
                    "goes on [not](nope.md)` here,",
                    "",
                    "`unclosed",
                    "",
                    "[after](b.md)`"));

            assertThat(links).containsExactly(new Link(2, "manual/guide.md"), new Link(7, "b.md"));
        }

        @Test
        void footnotesAreNoDefinitions() {
            assertThat(targets("[^1]: a footnote, not a link")).isEmpty();
        }
    }

    @Nested
    class Anchors {
        @Test
        void slugsAreLowerCaseWithoutPunctuationAndWithHyphensForSpaces() {
            assertThat(MarkdownLinks.anchors(List.of(
                    "# Wire format",
                    "## What's new? (v2.0)",
                    "### Foo & Bar",
                    "#### `CUSTOM_DATUM`",
                    "## Visitor-code length and the code \"0\"",
                    "## Closing hashes ##",
                    "## Émigré → café",
                    "#not-a-heading")))
                    .containsExactly("wire-format", "whats-new-v20", "foo--bar", "custom_datum",
                            "visitor-code-length-and-the-code-0", "closing-hashes", "émigré--café");
        }

        @Test
        void repeatedHeadingsGetNumberedSuffixes() {
            assertThat(MarkdownLinks.anchors(List.of("## Notes", "## Notes", "### Notes", "## Notes 1")))
                    .containsExactly("notes", "notes-1", "notes-2", "notes-1-1");
        }

        @Test
        void linksEmphasisEscapesAndHtmlRenderAsText() {
            assertThat(MarkdownLinks.anchors(List.of(
                    "## See [the guide](guide.md) **now**",
                    "## _Emphasis_ keeps snake_case",
                    "## Escaped \\_underscore\\_ and \\#hash",
                    "## Tags <br> and &amp; entities",
                    "## `a*b` code keeps its text")))
                    .containsExactly("see-the-guide-now", "emphasis-keeps-snake_case",
                            "escaped-_underscore_-and-hash", "tags--and--entities", "ab-code-keeps-its-text");
        }

        @Test
        void setextHeadingsCountButTablesListsAndFencesDoNot() {
            assertThat(MarkdownLinks.anchors(List.of(
                    "Title",
                    "=====",
                    "",
                    "Section two",
                    "-----------",
                    "",
                    "- a list item",
                    "---",
                    "",
                    "| a | b |",
                    "|---|---|",
                    "```",
                    "# a comment in code",
                    "```")))
                    .containsExactly("title", "section-two");
        }
    }

    @Nested
    class Checking {
        @TempDir
        Path root;

        @Test
        void everyKindOfBrokenLinkIsReportedWithFileLineAndReason() throws IOException {
            Files.createDirectories(root.resolve("manual/sub"));
            Files.writeString(root.resolve("manual/guide.md"), "# Guide\n\n## Setup steps\n");
            List<String> lines = List.of(
                    "[ok](manual/guide.md#setup-steps) [folder](manual/sub) [self](#top)",
                    "[web](https://example.com/x.md)",
                    "[mail](mailto:someone@example.com) [root-relative](/manual/guide.md) [encoded](manual/guide%2Emd)",
                    "[missing](manual/nope.md)",
                    "[bad anchor](manual/guide.md#setup)",
                    "[escape](../../outside.md)",
                    "",
                    "# Top");
            Path readme = Files.write(root.resolve("README.md"), lines);

            List<String> problems = MarkdownLinks.brokenLinks(root, readme, lines,
                    file -> MarkdownLinks.anchors(read(file)));

            assertThat(problems).containsExactly(
                    "README.md:4: manual/nope.md (no such file or folder)",
                    "README.md:5: manual/guide.md#setup (no heading with anchor #setup in manual/guide.md)",
                    "README.md:6: ../../outside.md (outside the repository)");
        }

        @Test
        void aFragmentIntoAFileOtherThanMarkdownIsNotChecked() throws IOException {
            Files.writeString(root.resolve("Code.java"), "class Code {}\n");

            assertThat(MarkdownLinks.brokenLinks(root, root.resolve("README.md"), List.of("[line](Code.java#L1)"),
                    file -> Set.of())).isEmpty();
        }
    }
}
