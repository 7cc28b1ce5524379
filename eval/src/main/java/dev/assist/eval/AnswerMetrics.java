package dev.assist.eval;

import dev.assist.llm.CitationMarkers;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lexical agreement between an answer and its reference answers, SQuAD style: lower-cased,
 * punctuation and citation markers dropped, tokens compared as bags. Scripts written without
 * spaces (Chinese, Japanese, Thai) are compared character by character, as MLQA does.
 */
public final class AnswerMetrics {
    private AnswerMetrics() {
    }

    /** Best token F1 over the references; 0 when there is no reference or no answer. */
    public static double tokenF1(String answer, List<String> references) {
        double best = 0;
        List<String> got = tokens(answer);
        for (String reference : references) {
            best = Math.max(best, f1(got, tokens(reference)));
        }
        return best;
    }

    /** Best share of a reference's tokens that the answer contains (did it say what the reference says?). */
    public static double tokenRecall(String answer, List<String> references) {
        double best = 0;
        List<String> got = tokens(answer);
        for (String reference : references) {
            List<String> want = tokens(reference);
            if (!want.isEmpty()) {
                best = Math.max(best, (double) overlap(got, want) / want.size());
            }
        }
        return best;
    }

    static double f1(List<String> got, List<String> want) {
        if (got.isEmpty() || want.isEmpty()) {
            return 0;
        }
        int common = overlap(got, want);
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / got.size();
        double recall = (double) common / want.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static int overlap(List<String> got, List<String> want) {
        Map<String, Integer> counts = new HashMap<>();
        got.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : want) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                counts.put(t, left - 1);
                common++;
            }
        }
        return common;
    }

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /** Normalized tokens of a text. */
    public static List<String> tokens(String text) {
        String plain = Normalizer.normalize(CitationMarkers.MARKER.matcher(text).replaceAll(" "), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            i += Character.charCount(cp);
            if (unspaced(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            String w = word.toString();
            if (!ARTICLES.contains(w)) {
                tokens.add(w);
            }
            word.setLength(0);
        }
    }

    private static boolean unspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}
