package dev.assist.retrieve;

import java.util.List;

/**
 * A convex combination whose weight is chosen per query from the shape of each ranking. A
 * retriever that has found what the question is about puts a few documents well above the rest;
 * one that only matched a common word (BM25 on "are their rooms clean?" over thousands of reviews)
 * gives its first ten hits nearly equal scores, and a fixed weight would let that noise pull the
 * other ranking down. So each list's weight is its drop from the first hit to the {@code rank}-th
 * in the normalized scores of {@link ConvexCombinationFusion} ({@code 1 - norm(rank-th)}), raised to
 * {@code power}, and the two weights are scaled to sum to 1. Costs nothing beyond the scores the
 * retrievers already returned.
 */
public final class AdaptiveFusion implements Fusion {
    private final int rank;
    private final double power;

    /**
     * @param rank the hit whose score measures the drop (10 looks at the first page of results)
     * @param power how decisively the steeper list wins; 0 gives an even 0.5 weighting
     */
    public AdaptiveFusion(int rank, double power) {
        if (rank < 2) {
            throw new IllegalArgumentException("adaptive fusion rank must be at least 2");
        }
        if (power < 0) {
            throw new IllegalArgumentException("adaptive fusion power must not be negative");
        }
        this.rank = rank;
        this.power = power;
    }

    @Override
    public List<Fused> fuse(List<RankedHit> lexical, List<RankedHit> vector) {
        return ConvexCombinationFusion.combine(lexical, vector, alpha(lexical, vector));
    }

    /** The weight of the vector ranking for this query, in [0, 1]. */
    public double alpha(List<RankedHit> lexical, List<RankedHit> vector) {
        if (vector.isEmpty()) {
            return 0;
        }
        if (lexical.isEmpty()) {
            return 1;
        }
        double lexicalWeight = Math.pow(drop(ConvexCombinationFusion.Normalized.lexical(lexical), lexical), power);
        double vectorWeight = Math.pow(drop(ConvexCombinationFusion.Normalized.vector(vector), vector), power);
        double sum = lexicalWeight + vectorWeight;
        return sum <= 0 ? 0.5 : vectorWeight / sum;
    }

    private double drop(ConvexCombinationFusion.Normalized normalized, List<RankedHit> hits) {
        return Math.clamp(1 - normalized.at(hits, rank), 0, 1);
    }
}
