package dev.assist.compose;

import java.util.List;

/**
 * What a composer produced: the answer text with {@code [n]} markers (empty when handing off),
 * its citations, a confidence in [0, 1] and the hand-off decision.
 */
public record Composition(String text, List<Citation> citations, double confidence, Handoff handoff, AnswerMode mode,
                          ConfidenceSignals signals) {
    public Composition {
        citations = List.copyOf(citations);
        signals = signals == null ? ConfidenceSignals.NONE : signals;
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
    }
}
