package dev.assist.retrieve;

import java.util.List;

/**
 * A convex combination of normalized scores, {@code alpha * vector + (1 - alpha) * bm25}. BM25 is
 * divided by the list's best score (its theoretical minimum is 0); cosine scores are min-max
 * normalized within the list, since they crowd into a narrow band. A document one retriever
 * did not return scores 0 there.
 */
public final class ConvexCombinationFusion implements Fusion {
    private final double alpha;

    public ConvexCombinationFusion(double alpha) {
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("convex fusion alpha must be within [0, 1]");
        }
        this.alpha = alpha;
    }

    @Override
    public List<Fused> fuse(List<RankedHit> lexical, List<RankedHit> vector) {
        return combine(lexical, vector, alpha);
    }

    /** The combination with a given weight on the vector list (shared with {@link AdaptiveFusion}). */
    static List<Fused> combine(List<RankedHit> lexical, List<RankedHit> vector, double alpha) {
        Normalized bm25 = Normalized.lexical(lexical);
        Normalized cosine = Normalized.vector(vector);
        return FusedList.fuse(lexical, vector, doc ->
                (1 - alpha) * (doc.lexicalRank() > 0 ? bm25.apply(doc.lexicalScore()) : 0)
                        + alpha * (doc.vectorRank() > 0 ? cosine.apply(doc.vectorScore()) : 0));
    }

    /**
     * How one list's scores map onto [0, 1]: {@code (score - floor) / (best - floor)}.
     *
     * @param floor the score that maps to 0: 0 for BM25, the list's last score for cosines
     */
    record Normalized(double floor, double range) {
        static Normalized lexical(List<RankedHit> hits) {
            return new Normalized(0, hits.isEmpty() ? 1 : Math.max(1e-9, hits.getFirst().score()));
        }

        static Normalized vector(List<RankedHit> hits) {
            if (hits.isEmpty()) {
                return new Normalized(0, 1);
            }
            double floor = hits.getLast().score();
            return new Normalized(floor, Math.max(1e-9, hits.getFirst().score() - floor));
        }

        double apply(double score) {
            return (score - floor) / range;
        }

        /**
         * The normalized score of the {@code rank}-th hit, 0 when the list is shorter: how far the
         * list's scores have fallen by that rank is {@code 1 -} this.
         */
        double at(List<RankedHit> hits, int rank) {
            return hits.size() < rank ? 0 : apply(hits.get(rank - 1).score());
        }
    }
}
