package com.kameleoon.it.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Copies a directory tree, for the per-run configuration copies of the containers (the distributions stay
 * untouched, so runs cannot disturb each other). Thread-safe (stateless).
 */
final class TreeCopy {
    private TreeCopy() {
    }

    /**
     * @param from an existing directory
     * @param to   where its copy goes; created as needed
     */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
