package dev.assist.rerank;

import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Passage;
import java.util.List;

/**
 * A candidate after re-ranking: its final score and, when the re-ranker computed them, its
 * sentences scored against the question (the extractive composer picks from these).
 */
public record ScoredPassage(Candidate candidate, double score, List<ScoredSentence> sentences) {
    public ScoredPassage {
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public Passage passage() {
        return candidate.passage();
    }

    public ScoredPassage withScore(double newScore) {
        return new ScoredPassage(candidate, newScore, sentences);
    }
}
