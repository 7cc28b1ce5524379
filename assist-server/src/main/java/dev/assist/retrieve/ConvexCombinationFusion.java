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
        double lexicalMax = lexical.isEmpty() ? 1 : Math.max(1e-9, lexical.getFirst().score());
        double vectorMax = vector.isEmpty() ? 1 : vector.getFirst().score();
        double vectorMin = vector.isEmpty() ? 0 : vector.getLast().score();
        double vectorRange = Math.max(1e-9, vectorMax - vectorMin);
        return FusedList.fuse(lexical, vector, doc ->
                (1 - alpha) * (doc.lexicalRank() > 0 ? doc.lexicalScore() / lexicalMax : 0)
                        + alpha * (doc.vectorRank() > 0 ? (doc.vectorScore() - vectorMin) / vectorRange : 0));
    }
}
