package dev.assist.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ranking metrics over a ranked list of ids: binary relevance, and graded for nDCG. */
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

    /**
     * nDCG@k with graded gains {@code 2^grade - 1} (grade 1 everywhere gives binary nDCG); the ideal
     * ranking sorts the judged documents by grade.
     */
    public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int grade = grades.getOrDefault(ranked.get(i), 0);
            if (grade > 0) {
                dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
            }
        }
        int[] ideal = grades.values().stream().filter(g -> g > 0).sorted((x, y) -> y - x).mapToInt(Integer::intValue).toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += (Math.pow(2, ideal[i]) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
