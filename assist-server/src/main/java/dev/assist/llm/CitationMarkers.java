package dev.assist.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and cleans the {@code [n]} citation markers that the prompts ask for, including the forms
 * models drift into: {@code [1][2]} and {@code [1, 2]}.
 */
public final class CitationMarkers {

    /** A marker: one or more numbers in square brackets, separated by commas. */
    public static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)\\s*]");

    private CitationMarkers() {
    }

    /** The cited numbers in order of first appearance, duplicates removed. */
    public static List<Integer> cited(String text) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                numbers.add(Integer.parseInt(part.strip()));
            }
        }
        return List.copyOf(numbers);
    }

    /** The cited numbers that are in {@code allowed}, in order of first appearance. */
    public static List<Integer> cited(String text, Set<Integer> allowed) {
        return cited(text).stream().filter(allowed::contains).toList();
    }

    /**
     * {@code text} with every citation of a number outside {@code allowed} removed; a marker that
     * cites nothing allowed disappears with the space before it.
     */
    public static String keepOnly(String text, Set<Integer> allowed) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            for (String part : m.group(1).split(",")) {
                if (allowed.contains(Integer.parseInt(part.strip()))) {
                    kept.add(part.strip());
                }
            }
            int start = m.start();
            if (kept.isEmpty()) {
                while (start > last && text.charAt(start - 1) == ' ') {
                    start--;
                }
            }
            out.append(text, last, start);
            if (!kept.isEmpty()) {
                out.append('[').append(String.join(", ", kept)).append(']');
            }
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** {@code text} without any markers (and the spaces before them), for reading or embedding. */
    public static String strip(String text) {
        return MARKER.matcher(text).replaceAll("").replaceAll(" +([.,;:!?])", "$1").replaceAll(" {2,}", " ").strip();
    }
}
