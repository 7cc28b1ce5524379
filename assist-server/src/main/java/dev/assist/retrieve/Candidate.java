package dev.assist.retrieve;

/**
 * A passage the hybrid retriever found, with where each retriever ranked it (0 = not found by it)
 * and the fused score that ordered it. Re-rankers read the parts as features.
 */
public record Candidate(Passage passage, double fusedScore, int lexicalRank, double lexicalScore,
                        int vectorRank, double vectorScore) {

    public Candidate withFusedScore(double score) {
        return new Candidate(passage, score, lexicalRank, lexicalScore, vectorRank, vectorScore);
    }
}
