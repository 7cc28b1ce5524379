package dev.assist.eval;

import dev.assist.compose.ConfidenceSignals;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline did with one golden question.
 *
 * @param rankedArticles distinct article ids of the retrieved passages, best first
 * @param cited article ids the answer cites (empty when it handed off)
 */
public record GoldenResult(GoldenQuestion question, List<String> rankedArticles, List<String> cited, boolean handoff,
                           double confidence, ConfidenceSignals signals, String answer, String language,
                           Map<String, Double> timingsMs, double totalMs) {

    /** The answer would have been right: answerable, and it cites (or would cite) a relevant article. */
    public boolean topIsRelevant() {
        return question.answerable() && !rankedArticles.isEmpty() && question.relevantIds().contains(rankedArticles.getFirst());
    }
}
