package dev.assist.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lists in a passage's text: numbered steps ({@code 1. ... 2. ...}) whether each item
 * has its own line or the chunker joined them into one paragraph, and runs of {@code - } bullet
 * lines. A numbered list needs consecutive numbers, so "day 1, 3 and 7" or "EUR 6.90" is no list.
 */
final class InstructionLists {
    private static final Pattern NUMBER = Pattern.compile("(?:^|(?<=\\s))(\\d{1,2})[.)]\\s+(?=\\S)");
    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(\\S.*)$");

    private InstructionLists() {
    }

    /** Runs of at least two consecutively numbered items, each item's text without its number. */
    static List<List<String>> numbered(String text) {
        List<Marker> markers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int lineEnd = text.indexOf('\n', m.end());
            markers.add(new Marker(Integer.parseInt(m.group(1)), m.start(), m.end(), lineEnd < 0 ? text.length() : lineEnd));
        }
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            Marker next = i + 1 < markers.size() ? markers.get(i + 1) : null;
            boolean continues = next != null && next.number() == marker.number() + 1
                    && (next.start() < marker.lineEnd() || text.substring(marker.lineEnd(), next.start()).isBlank());
            int end = continues ? Math.min(next.start(), marker.lineEnd()) : marker.lineEnd();
            run.add(text.substring(marker.end(), end).strip());
            if (!continues) {
                if (run.size() >= 2) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
        }
        return runs;
    }

    /** Runs of at least two consecutive bullet lines. */
    static List<List<String>> bullets(String text) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : (text + "\n").split("\n")) {
            Matcher bullet = BULLET.matcher(line.strip());
            if (bullet.matches()) {
                run.add(bullet.group(1).strip());
                continue;
            }
            if (run.size() >= 2) {
                runs.add(run);
            }
            run = new ArrayList<>();
        }
        if (run.size() >= 2) {
            runs.add(run);
        }
        return runs;
    }

    private record Marker(int number, int start, int end, int lineEnd) {
    }
}
