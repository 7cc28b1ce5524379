package dev.assist.triage;

import java.util.Objects;

/**
 * The language of a conversation: an ISO 639-1 code or {@code und} (undetermined), the probability
 * behind it, and what decided it.
 */
public record LanguageGuess(String language, double confidence, Evidence evidence) {
    /** The code for "cannot tell". */
    public static final String UNDETERMINED = "und";

    /** What the guess rests on. */
    public enum Evidence {
        /** The message itself is clear. */
        TEXT,
        /** The message is short or ambiguous; earlier turns or the request's locale decided. */
        CONTEXT,
        /** Nothing decided: the guess is {@code und}. */
        NONE
    }

    public LanguageGuess {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(evidence, "evidence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0, 1]");
        }
    }

    public static LanguageGuess undetermined(double confidence) {
        return new LanguageGuess(UNDETERMINED, confidence, Evidence.NONE);
    }

    public boolean isDetermined() {
        return !UNDETERMINED.equals(language);
    }
}
