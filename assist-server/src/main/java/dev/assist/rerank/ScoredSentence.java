package dev.assist.rerank;

import java.util.Set;

/**
 * A sentence of a passage scored against the question.
 *
 * @param position index of the sentence in its passage, to keep reading order
 * @param similarity cosine between question and sentence vectors
 * @param coverage share of the question's content terms the sentence contains
 * @param terms the sentence's content terms as the index analyzes them, so later stages need not analyze it again
 */
public record ScoredSentence(String text, int position, double similarity, double coverage, Set<String> terms) {
    public ScoredSentence {
        terms = Set.copyOf(terms);
    }
}
