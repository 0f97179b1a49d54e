package com.kameleoon.persistence.internal;

import com.kameleoon.migrations.KameleoonMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and reads the migration scripts of one vendor on the class path (in a folder or in a jar), in
 * Flyway's order: versioned scripts by version, then repeatable ones by name. Used to print the SQL for
 * teams that run their own migrations; Flyway does its own scanning when it migrates. Stateless.
 */
public final class MigrationScripts {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql");

    /** One script: its file name and text. */
    public record Script(String fileName, String sql) {
    }

    private MigrationScripts() {
    }

    /**
     * Lists and reads every script of a dialect.
     *
     * @param dialect the vendor
     * @param classLoader where to look
     * @return the scripts in execution order
     * @throws IllegalStateException when the folder is missing or cannot be listed
     */
    public static List<Script> load(SqlDialect dialect, ClassLoader classLoader) {
        String folder = KameleoonMigrations.folder(dialect.migrationFolder());
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = classLoader.getResources(folder);
            while (urls.hasMoreElements()) {
                names.addAll(list(urls.nextElement(), folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + folder, e);
        }
        List<String> ordered = new ArrayList<>();
        for (String name : names) {
            if (VERSIONED.matcher(name).matches() || REPEATABLE.matcher(name).matches()) {
                ordered.add(name);
            }
        }
        if (ordered.isEmpty()) {
            throw new IllegalStateException("No migrations found in classpath:" + folder
                    + " (is kameleoon-migrations on the class path?)");
        }
        ordered.sort(MigrationScripts::compare);
        List<Script> scripts = new ArrayList<>(ordered.size());
        for (String name : ordered) {
            scripts.add(new Script(name, read(classLoader, folder + '/' + name)));
        }
        return List.copyOf(scripts);
    }

    /**
     * Returns the SQL of every script of a dialect, in order, each preceded by a comment header
     * {@code -- db/kameleoon/<vendor>/<file>} and followed by a blank line.
     *
     * @param dialect the vendor
     * @param classLoader where to look
     * @return the SQL text
     * @throws IllegalStateException when the folder is missing or cannot be listed
     */
    public static String print(SqlDialect dialect, ClassLoader classLoader) {
        String folder = KameleoonMigrations.folder(dialect.migrationFolder());
        StringBuilder sql = new StringBuilder();
        for (Script script : load(dialect, classLoader)) {
            sql.append("-- ").append(folder).append('/').append(script.fileName()).append('\n');
            sql.append(script.sql());
            if (!script.sql().endsWith("\n")) {
                sql.append('\n');
            }
            sql.append('\n');
        }
        return sql.toString();
    }

    private static List<String> list(URL url, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        switch (url.getProtocol()) {
            case "file":
                Path dir;
                try {
                    dir = Paths.get(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("Bad folder URL " + url, e);
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
                }
                return names;
            case "jar":
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    String prefix = folder + '/';
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0
                                && entry.length() > prefix.length()) {
                            names.add(entry.substring(prefix.length()));
                        }
                    }
                }
                return names;
            default:
                throw new IllegalStateException("Cannot list " + url + ": run PrintMigrations with the "
                        + "kameleoon-migrations jar on the class path");
        }
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static int compare(String a, String b) {
        Matcher va = VERSIONED.matcher(a);
        Matcher vb = VERSIONED.matcher(b);
        boolean aVersioned = va.matches();
        boolean bVersioned = vb.matches();
        if (aVersioned != bVersioned) {
            return aVersioned ? -1 : 1;
        }
        if (!aVersioned) {
            return a.compareTo(b);
        }
        String[] pa = va.group(1).split("[._]");
        String[] pb = vb.group(1).split("[._]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            long xa = i < pa.length ? Long.parseLong(pa[i]) : 0;
            long xb = i < pb.length ? Long.parseLong(pb[i]) : 0;
            if (xa != xb) {
                return Long.compare(xa, xb);
            }
        }
        return Comparator.<String>naturalOrder().compare(a, b);
    }
}
