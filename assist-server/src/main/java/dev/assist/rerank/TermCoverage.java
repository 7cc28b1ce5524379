package dev.assist.rerank;

import dev.assist.index.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final LanguageAnalyzers analyzers;

    public TermCoverage(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    public Set<String> terms(String text, String language) {
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
