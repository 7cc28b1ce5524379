package dev.assist.rerank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At most N passages per article, then maximal marginal relevance (Carbonell and Goldstein 1998)
 * over the chunk vectors, so the top results are not three chunks saying the same thing.
 */
public final class Diversifier {
    private final int maxPerArticle;
    private final double lambda;

    /**
     * @param lambda 1 keeps the re-ranked order; lower values trade relevance for novelty
     */
    public Diversifier(int maxPerArticle, double lambda) {
        if (maxPerArticle < 1) {
            throw new IllegalArgumentException("max passages per article must be at least 1");
        }
        this.maxPerArticle = maxPerArticle;
        this.lambda = lambda;
    }

    public List<ScoredPassage> diversify(List<ScoredPassage> ranked, int limit) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        double max = ranked.getFirst().score();
        double min = ranked.getLast().score();
        double range = Math.max(1e-9, max - min);
        List<ScoredPassage> pool = new ArrayList<>(ranked);
        List<ScoredPassage> chosen = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        while (chosen.size() < limit && !pool.isEmpty()) {
            ScoredPassage best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (ScoredPassage candidate : pool) {
                if (perArticle.getOrDefault(candidate.passage().articleId(), 0) >= maxPerArticle) {
                    continue;
                }
                double relevance = (candidate.score() - min) / range;
                double value = lambda * relevance - (1 - lambda) * maxSimilarity(candidate, chosen);
                if (value > bestValue) {
                    bestValue = value;
                    best = candidate;
                }
            }
            if (best == null) {
                break;
            }
            pool.remove(best);
            chosen.add(best);
            perArticle.merge(best.passage().articleId(), 1, Integer::sum);
        }
        return chosen;
    }

    private static double maxSimilarity(ScoredPassage candidate, List<ScoredPassage> chosen) {
        float[] vector = candidate.passage().vector();
        double max = 0;
        for (ScoredPassage other : chosen) {
            if (vector != null && other.passage().vector() != null) {
                max = Math.max(max, SentenceVectors.cosine(vector, other.passage().vector()));
            }
        }
        return max;
    }
}
