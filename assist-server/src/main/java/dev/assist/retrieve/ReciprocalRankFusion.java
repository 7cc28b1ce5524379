package dev.assist.retrieve;

import java.util.List;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): {@code w/(k + rank)} summed over the rankings that
 * found a document. Needs no score calibration, which is why it is robust across corpora.
 */
public final class ReciprocalRankFusion implements Fusion {
    private final int k;
    private final double lexicalWeight;
    private final double vectorWeight;

    public ReciprocalRankFusion(int k, double lexicalWeight, double vectorWeight) {
        if (k < 1) {
            throw new IllegalArgumentException("RRF k must be at least 1");
        }
        this.k = k;
        this.lexicalWeight = lexicalWeight;
        this.vectorWeight = vectorWeight;
    }

    @Override
    public List<Fused> fuse(List<RankedHit> lexical, List<RankedHit> vector) {
        return FusedList.fuse(lexical, vector, doc ->
                (doc.lexicalRank() > 0 ? lexicalWeight / (k + doc.lexicalRank()) : 0)
                        + (doc.vectorRank() > 0 ? vectorWeight / (k + doc.vectorRank()) : 0));
    }
}
