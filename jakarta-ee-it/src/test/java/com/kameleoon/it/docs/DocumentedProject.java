package com.kameleoon.it.docs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project a Markdown page tells its reader to write, and the command it tells them to run it with.
 *
 * <p>The page's convention: a file is a fenced code block whose opening fence comes right after a line that holds
 * only the file's relative path in backquotes, with no blank line between:
 *
 * <pre>
 * `src/main/resources/kameleoon.properties`
 * ```properties
 * site_code=my-site-code
 * ```
 * </pre>
 *
 * <p>The reader sees the path above each file, and every other block (commands, expected output) is left alone.
 * The run command is the first line, in a {@code shell} block, that starts with {@code mvn } and names the given
 * goal. Immutable and thread-safe.
 *
 * @param files      file contents by relative path, in the page's order, each ending with a line break
 * @param runCommand the run command's words, {@code mvn} first
 */
record DocumentedProject(Map<String, String> files, List<String> runCommand) {
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern PATH_LABEL = Pattern.compile("^`([^`\\s]+)`$");

    /** Copies the parts. */
    DocumentedProject {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        runCommand = List.copyOf(runCommand);
    }

    /**
     * @param markdown the page
     * @param goal     the goal the run command names, such as {@code cargo:run}
     * @return the page's files and run command
     * @throws IllegalArgumentException when the page has no file, names one twice or outside the project, has an
     *                                  unclosed fence, or has no such command
     */
    static DocumentedProject parse(String markdown, String goal) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> command = null;
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            String info = open.group(2);
            int close = closingFence(lines, i + 1, fence);
            if (close < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the code block opened here is never closed");
            }
            List<String> body = Arrays.asList(lines).subList(i + 1, close);
            Matcher label = i > 0 ? PATH_LABEL.matcher(lines[i - 1]) : null;
            if (label != null && label.matches()) {
                String path = relativePath(label.group(1), i);
                if (files.putIfAbsent(path, String.join("\n", body) + "\n") != null) {
                    throw new IllegalArgumentException("line " + i + ": " + path + " is given twice");
                }
            } else if (command == null && info.equals("shell")) {
                command = body.stream().map(String::trim)
                        .filter(line -> line.startsWith("mvn ") && line.contains(goal))
                        .findFirst().map(line -> List.of(line.split("\\s+"))).orElse(null);
            }
            i = close;
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file: no code block follows a line such as `pom.xml`");
        }
        if (command == null) {
            throw new IllegalArgumentException("no shell block with a line mvn ... " + goal);
        }
        return new DocumentedProject(files, command);
    }

    /** @return the run command's arguments, the words after {@code mvn} */
    List<String> runArguments() {
        return runCommand.subList(1, runCommand.size());
    }

    private static int closingFence(String[] lines, int from, String fence) {
        for (int j = from; j < lines.length; j++) {
            String line = lines[j].stripTrailing();
            if (line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0))) {
                return j;
            }
        }
        return -1;
    }

    private static String relativePath(String label, int line) {
        Path path = Path.of(label).normalize();
        if (path.isAbsolute() || path.startsWith("..") || path.toString().isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": " + label + " is not a path inside the project");
        }
        return path.toString();
    }
}
