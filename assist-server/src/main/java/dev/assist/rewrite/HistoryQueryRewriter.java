package dev.assist.rewrite;

import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.index.LanguageAnalyzers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;

/**
 * The rewrite without a language model: when the last message is short or refers back ("and for
 * annual?", "are their rooms clean?"), the previous customer turn's key terms and the names
 * mentioned in the last few turns (by anyone: "the Acorn Guest House", "Lumora Reader") are
 * carried into it. Otherwise the message is already standalone and is kept as it is.
 */
public final class HistoryQueryRewriter implements QueryRewriter {
    private static final int SHORT_WORDS = 6;
    /** Turns searched for names the customer may be referring to. */
    private static final int NAME_LOOKBACK = 4;
    private static final Pattern NAME = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b\\p{Lu}[\\p{L}'-]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    /** Words that point back at an earlier turn, in the languages of the samples. */
    private static final Set<String> REFERRING = Set.of(
            "it", "its", "that", "this", "those", "these", "they", "them", "their", "there", "also", "and", "what", "about",
            "es", "das", "dies", "dafür", "davon", "und", "auch", "ihr", "ihre", "dort",
            "ça", "cela", "et", "aussi", "le", "la", "les", "leur", "leurs", "y",
            "eso", "esto", "también", "lo", "su", "sus", "allí");

    private final LanguageAnalyzers analyzers;

    public HistoryQueryRewriter(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    @Override
    public String rewrite(List<Turn> history, String question, String language) {
        String previous = previousCustomerTurn(history);
        if (previous == null) {
            return question;
        }
        List<String> words = words(question);
        boolean refersBack = words.size() <= SHORT_WORDS || words.stream().anyMatch(REFERRING::contains);
        if (!refersBack) {
            return question;
        }
        Set<String> carried = new LinkedHashSet<>(names(history));
        carried.addAll(keyTerms(previous, language));
        carried.removeAll(keyTerms(question, language));
        return carried.isEmpty() ? question : question.strip() + " " + String.join(" ", carried);
    }

    /** Capitalized words that do not start a sentence: names of places, products, plans. */
    private static List<String> names(List<Turn> history) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = Math.max(0, history.size() - NAME_LOOKBACK); i < history.size(); i++) {
            Matcher matcher = NAME.matcher(history.get(i).text());
            while (matcher.find()) {
                names.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String previousCustomerTurn(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Role.CUSTOMER && !history.get(i).text().isBlank()) {
                return history.get(i).text();
            }
        }
        return null;
    }

    private List<String> keyTerms(String text, String language) {
        CharArraySet stop = stopwords(language);
        return words(text).stream()
                .filter(word -> word.length() > 2 && !stop.contains(word) && !REFERRING.contains(word))
                .toList();
    }

    private CharArraySet stopwords(String language) {
        if (analyzers.analyzer(LanguageAnalyzers.keyFor(language)) instanceof StopwordAnalyzerBase base) {
            return base.getStopwordSet();
        }
        return CharArraySet.EMPTY_SET;
    }

    private static List<String> words(String text) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        List<String> words = new java.util.ArrayList<>();
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
