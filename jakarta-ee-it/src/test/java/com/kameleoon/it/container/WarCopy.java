package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A variant of a WAR with some files added or replaced, for a test that needs a resource the shared test WAR
 * does not have (a {@code microprofile-config.properties}, say) without building another WAR. Thread-safe
 * (stateless).
 */
public final class WarCopy {
    private WarCopy() {
    }

    /**
     * @param war     the WAR to copy
     * @param entries path inside the WAR (such as {@code WEB-INF/classes/META-INF/microprofile-config.properties})
     *                to UTF-8 text; an entry the WAR has already is replaced
     * @param target  where the variant is written
     * @return {@code target}
     */
    public static Path withEntries(Path war, Map<String, String> entries, Path target) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entries.containsKey(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, String> added : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(added.getKey()));
                out.write(added.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a variant of " + war + " to " + target, e);
        }
    }
}
