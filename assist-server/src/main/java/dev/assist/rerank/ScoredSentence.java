package dev.assist.rerank;

/**
 * A sentence of a passage scored against the question.
 *
 * @param position index of the sentence in its passage, to keep reading order
 * @param similarity cosine between question and sentence vectors
 * @param coverage share of the question's content terms the sentence contains
 */
public record ScoredSentence(String text, int position, double similarity, double coverage) {
}
