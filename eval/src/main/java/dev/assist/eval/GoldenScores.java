package dev.assist.eval;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Retrieval and hand-off quality over golden results. Retrieval metrics count answerable rows
 * only; a hand-off is correct on rows that are not answerable on their channel.
 *
 * @param recall5 answerable rows with a relevant article in the top 5
 * @param handoffPrecision of the hand-offs made, the share that should have been made
 * @param handoffRecall of the rows that should hand off, the share that did
 * @param answeredCorrectly of the rows answered (no hand-off), the share answerable with a relevant first citation
 */
public record GoldenScores(int rows, int answerable, double recall5, double mrr10, double handoffPrecision,
                           double handoffRecall, double answeredCorrectly, double p50Ms, double p95Ms) {

    public static GoldenScores of(List<GoldenResult> results) {
        int answerable = 0;
        double recall = 0;
        double mrr = 0;
        int handoffs = 0;
        int rightHandoffs = 0;
        int shouldHandoff = 0;
        int answered = 0;
        int answeredRight = 0;
        for (GoldenResult result : results) {
            GoldenQuestion q = result.question();
            Set<String> relevant = q.relevantIds();
            if (q.answerable()) {
                answerable++;
                recall += RankingMetrics.hit(result.rankedArticles(), relevant, 5);
                mrr += RankingMetrics.reciprocalRank(result.rankedArticles(), relevant, 10);
            } else {
                shouldHandoff++;
            }
            if (result.handoff()) {
                handoffs++;
                if (!q.answerable()) {
                    rightHandoffs++;
                }
            } else {
                answered++;
                if (q.answerable() && !result.cited().isEmpty() && relevant.contains(result.cited().getFirst())) {
                    answeredRight++;
                }
            }
        }
        double[] latencies = results.stream().mapToDouble(GoldenResult::totalMs).sorted().toArray();
        return new GoldenScores(results.size(), answerable, ratio(recall, answerable), ratio(mrr, answerable),
                ratio(rightHandoffs, handoffs), ratio(rightHandoffs, shouldHandoff), ratio(answeredRight, answered),
                Aggregate.percentile(latencies, 50), Aggregate.percentile(latencies, 95));
    }

    public String line() {
        return String.format(Locale.ROOT,
                "rows=%d recall@5=%.3f mrr@10=%.3f handoff_precision=%.3f handoff_recall=%.3f answered_correct=%.3f p50=%.1fms p95=%.1fms",
                rows, recall5, mrr10, handoffPrecision, handoffRecall, answeredCorrectly, p50Ms, p95Ms);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
