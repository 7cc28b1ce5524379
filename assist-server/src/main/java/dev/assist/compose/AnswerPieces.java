package dev.assist.compose;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a composed answer into the pieces a stream sends one by one: after each citation marker
 * ({@code ... [2]}), or at sentence boundaries when there are none. The pieces joined give back
 * the text exactly, whitespace included.
 */
public final class AnswerPieces {
    private static final Pattern MARKER_END = Pattern.compile("\\[\\d{1,3}](?=\\s+\\S)");

    private AnswerPieces() {
    }

    public static List<String> of(String text, String language) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Integer> cuts = new ArrayList<>();
        Matcher marker = MARKER_END.matcher(text);
        while (marker.find()) {
            cuts.add(marker.end());
        }
        if (cuts.isEmpty()) {
            BreakIterator sentences = BreakIterator.getSentenceInstance(
                    language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language));
            sentences.setText(text);
            for (int end = sentences.next(); end != BreakIterator.DONE && end < text.length(); end = sentences.next()) {
                cuts.add(end);
            }
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            pieces.add(text.substring(start, cut));
            start = cut;
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
