package dev.assist.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns Markdown into the plain structured text the chunker reads: heading lines stay as
 * {@code ## Heading}, list items as {@code - item}, table rows as {@code a | b}; emphasis,
 * links, images, code fences and inline HTML markup are removed.
 */
public final class MarkdownText {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");

    private MarkdownText() {
    }

    public static String toPlainText(String markdown) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (String raw : markdown.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                out.add(line);
                continue;
            }
            out.add(cleanLine(line));
        }
        return TextNormalizer.collapseBlankLines(String.join("\n", out));
    }

    private static String cleanLine(String line) {
        var heading = HEADING.matcher(line);
        if (heading.matches()) {
            return heading.group(1) + " " + inline(heading.group(2));
        }
        if (TABLE_RULE.matcher(line).matches() && line.contains("-") && !line.matches(".*\\w.*")) {
            return "";
        }
        if (line.strip().startsWith("|")) {
            return tableRow(line);
        }
        var bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            return "- " + inline(bullet.group(1));
        }
        if (line.strip().startsWith(">")) {
            return inline(line.strip().substring(1).strip());
        }
        return inline(line.strip());
    }

    private static String tableRow(String line) {
        String trimmed = line.strip();
        trimmed = trimmed.substring(1);
        if (trimmed.endsWith("|")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : trimmed.split("\\|")) {
            cells.add(inline(cell.strip()));
        }
        return String.join(" | ", cells);
    }

    static String inline(String text) {
        String s = IMAGE.matcher(text).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = REF_LINK.matcher(s).replaceAll("$1");
        s = INLINE_CODE.matcher(s).replaceAll("$1");
        s = HTML_TAG.matcher(s).replaceAll("");
        String previous;
        do {
            previous = s;
            s = EMPHASIS.matcher(s).replaceAll("$2");
        } while (!s.equals(previous));
        return s;
    }
}
