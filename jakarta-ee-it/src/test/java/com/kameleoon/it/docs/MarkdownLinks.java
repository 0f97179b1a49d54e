package com.kameleoon.it.docs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the links and the heading anchors of Markdown text as GitHub renders them, closely enough to check relative
 * links: inline links and images {@code [text](target "title")}, angle-bracket targets {@code (<a b.md>)}, reference
 * definitions {@code [id]: target}, all outside fenced code blocks and inline code spans; ATX and setext headings,
 * whose anchors follow GitHub's slugs (lower case; letters, digits, {@code -} and {@code _} kept, other punctuation
 * dropped, each space a {@code -}; repeated slugs get {@code -1}, {@code -2}, …). Not modelled: indented code blocks,
 * HTML blocks and comments, code spans that run over a line break. Stateless.
 */
final class MarkdownLinks {
    /** A link target as written, and the 1-based line it is on. */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})(.*)$");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("^(?:[|>#<]|[-*+][ \\t]|\\d+[.)][ \\t]).*");
    private static final Pattern DEFINITION = Pattern.compile(
            "^ {0,3}\\[([^\\]^][^\\]]*)\\]:[ \\t]*(?:<([^>]*)>|(\\S+))"
                    + "(?:[ \\t]+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?[ \\t]*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\](?:\\([^)]*\\)|\\[[^\\]]*\\])");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]*)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern UNDERSCORE_EMPHASIS =
            Pattern.compile("(?<![\\p{L}\\p{N}_])(_{1,3})(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}_])");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));");
    private static final Map<String, String> NAMED_ENTITIES =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00A0");
    private static final char PLACEHOLDER = '\uE000';

    private MarkdownLinks() {
    }

    /**
     * @param lines the lines of one Markdown file
     * @return every link, image and reference-definition target outside code, in line order
     */
    static List<Link> links(List<String> lines) {
        List<Link> links = new ArrayList<>();
        Fences fences = new Fences();
        StringBuilder block = new StringBuilder();
        int blockStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            boolean code = i < lines.size() && fences.isCode(line);
            Matcher definition = DEFINITION.matcher(line);
            if (!code && definition.matches()) {
                links.add(new Link(i + 1, definition.group(2) != null ? definition.group(2) : definition.group(3)));
                line = "";
            }
            if (code || line.isBlank()) {
                inlineLinks(block.toString(), blockStart, links);
                block.setLength(0);
                blockStart = i + 1;
            } else {
                block.append(line).append('\n');
            }
        }
        links.sort(Comparator.comparingInt(Link::line));
        return links;
    }

    /* The inline links of one block of consecutive lines (link texts and code spans may run over line breaks). */
    private static void inlineLinks(String block, int firstLine, List<Link> links) {
        String text = withoutCodeSpans(block);
        Deque<Integer> openers = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                openers.push(i);
            } else if (c == ']' && !openers.isEmpty()) {
                openers.pop();
                if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
                    int[] end = new int[1];
                    String target = destination(text, i + 2, end);
                    if (target != null) {
                        int line = firstLine + 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
                        links.add(new Link(line, target));
                        openers.clear();
                        i = end[0];
                        continue;
                    }
                }
            }
            i++;
        }
    }

    /**
     * @param lines the lines of one Markdown file
     * @return the anchors GitHub gives its headings, in order
     */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Fences fences = new Fences();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (fences.isCode(line)) {
                paragraph.setLength(0);
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                anchors.add(unique(slug(plainText(atx.group(2) == null ? "" : atx.group(2))), seen, anchors));
                paragraph.setLength(0);
            } else if (SETEXT.matcher(line).matches() && paragraph.length() > 0) {
                anchors.add(unique(slug(plainText(paragraph.toString())), seen, anchors));
                paragraph.setLength(0);
            } else if (line.isBlank() || NOT_PARAGRAPH.matcher(line.strip()).matches()) {
                paragraph.setLength(0);
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return anchors;
    }

    /**
     * GitHub's slug of a heading's text (without the suffix of repeated headings).
     *
     * @param text the heading as rendered text
     * @return the anchor
     */
    static String slug(String text) {
        StringBuilder slug = new StringBuilder();
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (cp == ' ') {
                slug.append('-');
            } else if (cp == '-' || keptInSlug(cp)) {
                slug.appendCodePoint(cp);
            }
        });
        return slug.toString();
    }

    /**
     * The text GitHub renders for a heading's Markdown: code spans by their content, links and images by their
     * text, no HTML tags, no emphasis markers made of underscores, escapes and entities resolved. Code spans and
     * escaped characters are set aside first (as private-use placeholders), so that the other rules leave them alone.
     *
     * @param markdown the heading's content
     * @return the rendered text
     */
    static String plainText(String markdown) {
        List<String> codes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && isAsciiPunctuation(markdown.charAt(i + 1))) {
                codes.add(String.valueOf(markdown.charAt(i + 1)));
                text.append((char) (PLACEHOLDER + codes.size() - 1));
                i += 2;
            } else if (c == '`') {
                int run = run(markdown, i, '`');
                int close = closingRun(markdown, i + run, run);
                if (close < 0) {
                    text.append(markdown, i, i + run);
                    i += run;
                } else {
                    codes.add(codeContent(markdown.substring(i + run, close)));
                    text.append((char) (PLACEHOLDER + codes.size() - 1));
                    i = close + run;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        String plain = text.toString();
        plain = IMAGE_OR_LINK.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        plain = AUTOLINK.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        plain = HTML_TAG.matcher(plain).replaceAll("");
        plain = UNDERSCORE_EMPHASIS.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
        plain = ENTITY.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(entity(m)));
        StringBuilder restored = new StringBuilder();
        for (char c : plain.toCharArray()) {
            int index = c - PLACEHOLDER;
            restored.append(index >= 0 && index < codes.size() ? codes.get(index) : String.valueOf(c));
        }
        return restored.toString();
    }

    /**
     * Checks the relative links of one Markdown file: the target file or folder exists inside the repository, and a
     * fragment pointing into a Markdown file names one of its heading anchors. Absolute URLs (any scheme, such as
     * {@code https:} or {@code mailto:}) are not checked.
     *
     * @param root the repository root
     * @param file the Markdown file, under {@code root}
     * @param lines its lines
     * @param anchorsOf the anchors of a Markdown file of the repository
     * @return one {@code file:line: target (reason)} per broken link, the file relative to the root
     */
    static List<String> brokenLinks(Path root, Path file, List<String> lines, Function<Path, Set<String>> anchorsOf) {
        List<String> problems = new ArrayList<>();
        String name = slashes(root.relativize(file));
        for (Link link : links(lines)) {
            String target = link.target();
            String reason = problem(root, file, target, anchorsOf);
            if (reason != null) {
                problems.add(name + ":" + link.line() + ": " + target + " (" + reason + ")");
            }
        }
        return problems;
    }

    private static String problem(Path root, Path file, String target, Function<Path, Set<String>> anchorsOf) {
        if (target.isEmpty()) {
            return "empty target";
        }
        if (SCHEME.matcher(target).lookingAt() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : percentDecoded(target.substring(hash + 1));
        int query = path.indexOf('?');
        path = percentDecoded(query < 0 ? path : path.substring(0, query));
        Path resolved;
        if (path.isEmpty()) {
            resolved = file;
        } else if (path.startsWith("/")) {
            resolved = root.resolve(path.substring(1)).normalize();
        } else {
            resolved = file.getParent().resolve(path).normalize();
        }
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file or folder";
        }
        if (!fragment.isEmpty() && Files.isRegularFile(resolved) && resolved.toString().endsWith(".md")
                && !anchorsOf.apply(resolved).contains(fragment)) {
            return "no heading with anchor #" + fragment + " in " + slashes(root.relativize(resolved));
        }
        return null;
    }

    /* The destination of an inline link starting at p (after "("), or null when what follows is not a link. */
    private static String destination(String line, int p, int[] end) {
        int i = skipBlanks(line, p);
        String target;
        if (i < line.length() && line.charAt(i) == '<') {
            int close = line.indexOf('>', i + 1);
            if (close < 0 || line.substring(i + 1, close).matches("(?s).*[<\\n].*")) {
                return null;
            }
            target = line.substring(i + 1, close);
            i = close + 1;
        } else {
            int start = i;
            int depth = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    i += 2;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\n' || (c == ')' && depth == 0)) {
                    break;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
            target = line.substring(start, i);
        }
        i = skipBlanks(line, i);
        if (i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'' || line.charAt(i) == '(')) {
            char closer = line.charAt(i) == '(' ? ')' : line.charAt(i);
            int close = line.indexOf(closer, i + 1);
            if (close < 0) {
                return null;
            }
            i = skipBlanks(line, close + 1);
        }
        if (i >= line.length() || line.charAt(i) != ')') {
            return null;
        }
        end[0] = i + 1;
        return target;
    }

    /* The text with every code span blanked out (same length, line breaks kept): nothing in one reads as a link. */
    private static String withoutCodeSpans(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = run(line, i, '`');
                int close = closingRun(line, i + run, run);
                int next = close < 0 ? i + run : close + run;
                for (int j = i; j < next; j++) {
                    out.append(close < 0 || line.charAt(j) == '\n' ? line.charAt(j) : ' ');
                }
                i = next;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int run(String s, int from, char c) {
        int i = from;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    /* Start of the next run of exactly `length` backticks at or after `from`, or -1. */
    private static int closingRun(String s, int from, int length) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int run = run(s, i, '`');
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    /* CommonMark: one space is dropped at each end when both ends have one and the content is not all spaces. */
    private static String codeContent(String content) {
        if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
            return content.substring(1, content.length() - 1);
        }
        return content;
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private static boolean keptInSlug(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static String unique(String slug, Map<String, Integer> seen, Set<String> taken) {
        Integer count = seen.get(slug);
        if (count == null && !taken.contains(slug)) {
            seen.put(slug, 0);
            return slug;
        }
        int n = count == null ? 0 : count;
        String candidate;
        do {
            n++;
            candidate = slug + "-" + n;
        } while (taken.contains(candidate));
        seen.put(slug, n);
        return candidate;
    }

    private static String entity(MatchResult m) {
        if (m.group(1) != null) {
            return new String(Character.toChars(Integer.parseInt(m.group(1))));
        }
        if (m.group(2) != null) {
            return new String(Character.toChars(Integer.parseInt(m.group(2), 16)));
        }
        return NAMED_ENTITIES.getOrDefault(m.group(3), m.group());
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Tracks fenced code blocks line by line: a fence opens with 3+ backticks or tildes and closes with as many. */
    private static final class Fences {
        private char fence;
        private int length;

        /* True when the line belongs to a fenced code block, its opening and closing fences included. */
        boolean isCode(String line) {
            String stripped = line.stripLeading();
            Matcher m = FENCE.matcher(stripped);
            if (length > 0) {
                if (m.matches() && m.group(1).charAt(0) == fence && m.group(1).length() >= length
                        && m.group(2).isBlank()) {
                    length = 0;
                }
                return true;
            }
            if (m.matches() && !(m.group(1).charAt(0) == '`' && m.group(2).contains("`"))) {
                fence = m.group(1).charAt(0);
                length = m.group(1).length();
                return true;
            }
            return false;
        }
    }
}
