package com.kameleoon.it.container;

import java.nio.file.Path;
import java.util.Map;

/**
 * The text of a Tomcat context descriptor ({@code conf/Catalina/localhost/<name>.xml}) that runs a WAR from
 * where the build left it and sets context parameters the way an operator would, without touching the WAR.
 * Thread-safe (stateless).
 */
final class ContextDescriptor {
    private ContextDescriptor() {
    }

    /**
     * @param war        the WAR to run
     * @param parameters context parameters; {@code override="false"} so they win over the WAR's web.xml
     * @return the descriptor XML
     */
    static String of(Path war, Map<String, String> parameters) {
        return of(war, parameters, "");
    }

    /**
     * @param war        the WAR to run
     * @param parameters context parameters; {@code override="false"} so they win over the WAR's web.xml
     * @param elements   further elements of the {@code Context}, as XML (a {@code Realm}, a {@code Valve}), or empty
     * @return the descriptor XML
     */
    static String of(Path war, Map<String, String> parameters, String elements) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Context docBase=\"")
                .append(escape(war.toAbsolutePath().toString())).append("\">\n");
        parameters.forEach((name, value) -> xml.append("  <Parameter name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\" override=\"false\"/>\n"));
        return xml.append(elements).append("</Context>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                // Attribute normalisation would turn these into spaces; keep them as written.
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append("&#9;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
