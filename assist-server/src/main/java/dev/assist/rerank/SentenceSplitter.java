package dev.assist.rerank;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits passage text into sentences: each line is a unit (list items, table rows, headings end a
 * line), and lines are split with the language's sentence rules.
 */
public final class SentenceSplitter {
    private SentenceSplitter() {
    }

    public static List<String> split(String text, String language) {
        Locale locale = language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language);
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            BreakIterator breaks = BreakIterator.getSentenceInstance(locale);
            breaks.setText(trimmed);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = trimmed.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
