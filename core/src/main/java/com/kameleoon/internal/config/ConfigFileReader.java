package com.kameleoon.internal.config;

import com.kameleoon.exceptions.ConfigException;
import com.kameleoon.exceptions.ConfigFileNotFound;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a configuration file into raw key/value pairs, choosing the format by extension: {@code .properties}
 * or {@code .conf} (the official SDK's {@code /etc/kameleoon/client-java.conf}, a properties file), or
 * {@code .yaml}/{@code .yml}. Stateless and thread-safe.
 */
public final class ConfigFileReader {
    private ConfigFileReader() {
    }

    /**
     * Reads a file.
     *
     * @param path the file
     * @return the keys as written (nested YAML keys joined with {@code '.'}) and their values; a value is null
     *         when the file gives the key without a value
     * @throws ConfigFileNotFound when the file is missing or unreadable
     * @throws ConfigException when the extension is unknown or the content is malformed
     */
    public static Map<String, String> read(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".properties") && !name.endsWith(".conf")) {
            throw new ConfigException("unsupported configuration file '" + path
                    + "': the name must end with .properties, .conf, .yaml or .yml");
        }
        String text = readText(path);
        return yaml ? YamlSubsetReader.parse(text, path.toString()) : parseProperties(text, path);
    }

    private static String readText(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigFileNotFound("configuration file '" + path + "' does not exist or is not readable");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // Properties files were ISO-8859-1 for decades; accept them the way PropertyResourceBundle does.
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new ConfigFileNotFound("configuration file '" + path + "' cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, String> parseProperties(String text, Path path) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("configuration file '" + path + "' is not a valid properties file: "
                    + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
        }
        return values;
    }
}
