package dev.assist.eval.run;

import dev.assist.llm.NumberedPassage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a system did with one case: the articles it ranked, the answer it gave (or the hand-off),
 * the passages the answer's citations point to, and how long it took.
 *
 * @param ranked distinct articles, best first (at most 10 are scored)
 * @param answer answer text with {@code [n]} markers; empty on a hand-off
 * @param evidence per cited number, the text of the cited article as retrieved (what groundedness checks against)
 * @param searchedQuery the standalone question that was searched
 * @param stageMs milliseconds per pipeline stage
 * @param totalMs wall-clock milliseconds of the answer call
 */
public record Outcome(List<RankedArticle> ranked, String answer, List<CitedArticle> citations, boolean handoff,
                      String handoffReason, double confidence, String mode, String searchedQuery, String language,
                      List<NumberedPassage> evidence, Map<String, Double> stageMs, double totalMs) {
    public Outcome {
        ranked = List.copyOf(ranked);
        Objects.requireNonNull(answer, "answer");
        citations = List.copyOf(citations);
        evidence = List.copyOf(evidence);
        stageMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMs));
        handoffReason = handoffReason == null ? "" : handoffReason;
        searchedQuery = searchedQuery == null ? "" : searchedQuery;
        language = language == null ? "" : language;
    }

    /** A ranked article: id, title, and the text that matched. */
    public record RankedArticle(String articleId, String title, String snippet) {
    }

    /** An article the answer cites as {@code [n]}. */
    public record CitedArticle(int n, String articleId) {
    }

    public List<String> rankedIds() {
        return ranked.stream().map(RankedArticle::articleId).toList();
    }

    public List<String> citedIds() {
        return citations.stream().map(CitedArticle::articleId).distinct().toList();
    }
}
