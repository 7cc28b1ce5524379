package dev.assist.compose;

/**
 * How the extractive composer chooses sentences.
 *
 * @param passages top passages it reads
 * @param maxSentences sentences in an answer at most
 * @param margin how far below the best sentence another may score and still be included
 * @param coverageWeight weight of question-term coverage next to sentence similarity
 * @param rankPenalty score taken off per passage rank, so the top passage is preferred on ties
 * @param threshold confidence under which it hands off instead of answering
 */
public record ExtractiveSettings(int passages, int maxSentences, double margin, double coverageWeight,
                                 double rankPenalty, double threshold) {
    public ExtractiveSettings {
        if (passages < 1 || maxSentences < 1) {
            throw new IllegalArgumentException("extractive composer needs at least one passage and one sentence");
        }
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("hand-off threshold must be within [0, 1]");
        }
    }

    public static ExtractiveSettings defaults() {
        return new ExtractiveSettings(3, 3, 0.06, 0.3, 0.02, 0.5);
    }
}
