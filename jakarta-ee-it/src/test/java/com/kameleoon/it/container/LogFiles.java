package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a container's log files as text: all of it for tests that look for warnings, the last lines for exception
 * messages. Files that do not exist yet read as empty, since a container that failed early may not have written
 * them. Thread-safe (reads the files on each call).
 */
final class LogFiles {
    private static final int TAIL_LINES = 80;

    private final Path directory;
    private final Predicate<String> fileNames;

    /**
     * @param directory the log directory
     * @param fileNames which file names in it to read, in name order
     */
    LogFiles(Path directory, Predicate<String> fileNames) {
        this.directory = directory;
        this.fileNames = fileNames;
    }

    /** @return every selected file, each headed by its name */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Path file : files()) {
            text.append("==> ").append(file.getFileName()).append(" <==\n").append(read(file));
        }
        return text.toString();
    }

    /** @return the last lines of each selected file, for exception messages */
    String tail() {
        StringBuilder text = new StringBuilder();
        for (Path file : files()) {
            List<String> lines = read(file).lines().collect(Collectors.toList());
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            text.append("\n==> ").append(file).append(" (last ").append(last.size()).append(" lines) <==\n");
            last.forEach(line -> text.append(line).append('\n'));
        }
        return text.length() == 0 ? "\n(no log files in " + directory + ")" : text.toString();
    }

    /**
     * @param file a file name in the directory
     * @return its size now, so a later {@link #textSince} sees only what was written after
     */
    long size(String file) {
        try {
            Path path = directory.resolve(file);
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * @param file   a file name in the directory
     * @param offset a size returned by {@link #size}
     * @return what the file gained since then
     */
    String textSince(String file, long offset) {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return "";
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> fileNames.test(p.getFileName().toString())).sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            // Lenient decoding: a log cut mid-character by a kill must still be readable.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }
}
