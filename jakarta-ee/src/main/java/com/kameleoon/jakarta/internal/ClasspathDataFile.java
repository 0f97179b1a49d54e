package com.kameleoon.jakarta.internal;

import com.kameleoon.exceptions.ConfigFileNotFound;
import com.kameleoon.logging.KameleoonLogger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A datafile packaged in the application ({@code data_file=classpath:…}), copied to a temporary file for the
 * client, which reads data files from a path (inside a packed WAR a resource has none). The copy is deleted as
 * soon as the client has read it.
 *
 * @param path the temporary copy
 */
record ClasspathDataFile(Path path) {
    static ClasspathDataFile extract(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigFileNotFound("data_file classpath:" + resource + " is not on the class path");
            }
            Path copy = Files.createTempFile("kameleoon-datafile-", ".json");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new ClasspathDataFile(copy);
        } catch (IOException e) {
            throw new ConfigFileNotFound("data_file classpath:" + resource + " cannot be read: " + e.getMessage());
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            KameleoonLogger.warning("temporary datafile " + path + " not deleted: " + e.getMessage());
        }
    }
}
