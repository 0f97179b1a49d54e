package com.kameleoon.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * This build's own artifacts, as a Maven repository folder that a child build can use as its local repository:
 * the parent POM and every module that is a POM or whose jar this build has packaged
 * ({@code <module>/target/<artifactId>-<version>.jar}), each under {@code groupId/artifactId/version/} as
 * {@code mvn install} would lay it out. Nothing goes to the user's {@code ~/.m2}, so a {@code mvn verify} of the
 * reactor can serve a child build artifacts that are installed nowhere. Thread-safe (stateless).
 */
final class ReactorArtifacts {
    private ReactorArtifacts() {
    }

    /**
     * One installed artifact.
     *
     * @param groupId    its group
     * @param artifactId its name
     * @param version    its version
     * @param jar        whether a jar was installed besides the POM
     */
    record Coordinates(String groupId, String artifactId, String version, boolean jar) {
        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version + (jar ? "" : ":pom");
        }
    }

    /**
     * @param root       the reactor's root folder (its {@code pom.xml} lists the modules)
     * @param repository the repository folder to fill
     * @return what was installed, the parent POM first
     */
    static List<Coordinates> install(Path root, Path repository) {
        List<Coordinates> installed = new ArrayList<>();
        Element parent = pom(root.resolve("pom.xml"));
        Coordinates parentCoordinates = coordinates(parent, false);
        copy(root.resolve("pom.xml"), repository, parentCoordinates, "pom");
        installed.add(parentCoordinates);
        for (Element module : children(child(parent, "modules"), "module")) {
            Path folder = root.resolve(module.getTextContent().trim());
            Element pom = pom(folder.resolve("pom.xml"));
            String packaging = text(pom, "packaging", "jar");
            if (packaging.equals("pom")) {
                Coordinates coordinates = coordinates(pom, false);
                copy(folder.resolve("pom.xml"), repository, coordinates, "pom");
                installed.add(coordinates);
            } else if (packaging.equals("jar")) {
                Coordinates coordinates = coordinates(pom, true);
                Path jar = folder.resolve("target")
                        .resolve(coordinates.artifactId() + "-" + coordinates.version() + ".jar");
                if (Files.isRegularFile(jar)) {
                    copy(folder.resolve("pom.xml"), repository, coordinates, "pom");
                    copy(jar, repository, coordinates, "jar");
                    installed.add(coordinates);
                }
            }
        }
        return installed;
    }

    /**
     * @param pom a {@code pom.xml}
     * @param property the name of one of its {@code <properties>}
     * @return the property's value
     */
    static String property(Path pom, String property) {
        Element properties = child(pom(pom), "properties");
        String value = properties == null ? null : text(properties, property, null);
        if (value == null) {
            throw new IllegalStateException(pom + " has no property " + property);
        }
        return value;
    }

    /**
     * @param pom a {@code pom.xml}
     * @return its project's version (or its parent's)
     */
    static String version(Path pom) {
        return coordinates(pom(pom), false).version();
    }

    private static Coordinates coordinates(Element pom, boolean jar) {
        Element parent = child(pom, "parent");
        String groupId = text(pom, "groupId", parent == null ? null : text(parent, "groupId", null));
        String version = text(pom, "version", parent == null ? null : text(parent, "version", null));
        String artifactId = text(pom, "artifactId", null);
        if (groupId == null || version == null || artifactId == null || groupId.contains("${")
                || version.contains("${")) {
            throw new IllegalStateException("cannot read the coordinates of " + artifactId + " (" + groupId + ":"
                    + version + "); only literal coordinates are supported");
        }
        return new Coordinates(groupId, artifactId, version, jar);
    }

    private static void copy(Path file, Path repository, Coordinates coordinates, String extension) {
        Path folder = repository.resolve(coordinates.groupId().replace('.', '/'))
                .resolve(coordinates.artifactId()).resolve(coordinates.version());
        try {
            Files.createDirectories(folder);
            Files.copy(file, folder.resolve(coordinates.artifactId() + "-" + coordinates.version() + "." + extension),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + file + " into " + folder, e);
        }
    }

    private static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Element child(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new ArrayList<>();
        if (element == null) {
            return found;
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                found.add(child);
            }
        }
        return found;
    }

    private static String text(Element element, String name, String fallback) {
        Element child = child(element, name);
        return child == null ? fallback : child.getTextContent().trim();
    }
}
