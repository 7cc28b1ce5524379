package dev.assist.triage;

import java.util.Objects;

/**
 * The sentiment of the customer's last message: the most probable polarity, its probability, and a
 * score in [-1, 1] (probability of positive minus probability of negative).
 */
public record Sentiment(SentimentLabel label, double confidence, double score) {
    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (score < -1 || score > 1 || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("score must be in [-1, 1] and confidence in [0, 1]");
        }
    }
}
