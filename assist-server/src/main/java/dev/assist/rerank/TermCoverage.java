package dev.assist.rerank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.index.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lexical overlap measured on the index's own analysis (stemmed, stop words dropped), so
 * "refunds" in a question matches "refund" in a passage as BM25 would.
 */
public final class TermCoverage {
    /**
     * Characters of analyzed texts kept: the sentences and titles of the passages that keep coming back,
     * and repeated questions (weighed by length, terms included). Analysis was most of re-ranking's own CPU.
     */
    private static final long CACHED_CHARS = 8_000_000;
    private final LanguageAnalyzers analyzers;
    private final Cache<LanguageText, Set<String>> cache = Caffeine.newBuilder().maximumWeight(CACHED_CHARS)
            .<LanguageText, Set<String>>weigher((key, terms) -> 2 * key.text().length() + 16).build();

    public TermCoverage(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The text's distinct terms in order of first occurrence; the set must not be modified. */
    public Set<String> terms(String text, String language) {
        return cache.get(new LanguageText(language, text), key -> Collections.unmodifiableSet(analyze(text, language)));
    }

    private Set<String> analyze(String text, String language) {
        Analyzer analyzer = analyzers.analyzer(LanguageAnalyzers.keyFor(language));
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Share of {@code wanted} found in {@code present}; 0 when nothing is wanted. */
    public static double coverage(Set<String> wanted, Set<String> present) {
        if (wanted.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String term : wanted) {
            if (present.contains(term)) {
                found++;
            }
        }
        return (double) found / wanted.size();
    }
}
