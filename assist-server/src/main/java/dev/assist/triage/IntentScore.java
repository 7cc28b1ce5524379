package dev.assist.triage;

/** An intent label and its probability. */
public record IntentScore(String intent, double score) {
    public IntentScore {
        if (intent == null || intent.isBlank()) {
            throw new IllegalArgumentException("intent is missing");
        }
    }
}
