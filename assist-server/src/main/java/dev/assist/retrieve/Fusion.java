package dev.assist.retrieve;

import java.util.List;

/** Merges the lexical and the vector ranking into one list, best first. */
public interface Fusion {
    List<Fused> fuse(List<RankedHit> lexical, List<RankedHit> vector);

    /** One document after fusion; ranks start at 1, 0 means the retriever did not return it. */
    record Fused(int doc, double score, int lexicalRank, double lexicalScore, int vectorRank, double vectorScore) {
    }
}
