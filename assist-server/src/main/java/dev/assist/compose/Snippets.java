package dev.assist.compose;

import dev.assist.rerank.ScoredPassage;
import dev.assist.rerank.ScoredSentence;
import java.util.Comparator;

/** The line a result list shows for a passage: its sentence that best matches the question. */
public final class Snippets {
    public static final int MAX_CHARS = 240;

    private Snippets() {
    }

    public static String of(ScoredPassage passage) {
        return passage.sentences().stream()
                .filter(s -> SentenceText.usable(s.text()))
                .max(Comparator.comparingDouble(Snippets::value))
                .map(s -> SentenceText.shorten(SentenceText.prose(s.text()), MAX_CHARS))
                .orElseGet(() -> firstLines(passage.passage().text()));
    }

    private static double value(ScoredSentence sentence) {
        return sentence.similarity() + 0.3 * sentence.coverage();
    }

    private static String firstLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(SentenceText.prose(line));
            if (out.length() >= MAX_CHARS) {
                break;
            }
        }
        return SentenceText.shorten(out.toString(), MAX_CHARS);
    }
}
