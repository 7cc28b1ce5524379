package dev.assist.eval;

import java.util.List;
import java.util.Set;

/** Binary-relevance ranking metrics over a ranked list of ids. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Share of the relevant ids found in the first k. */
    public static double recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    /** 1 when any relevant id is in the first k (what "Recall@k" means for one-answer questions). */
    public static double hit(List<String> ranked, Set<String> relevant, int k) {
        return ranked.stream().limit(k).anyMatch(relevant::contains) ? 1 : 0;
    }

    /** Reciprocal rank of the first relevant id within k, else 0. */
    public static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** nDCG@k with binary gains. */
    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
