package dev.assist.triage;

/**
 * Constants of {@link LanguageIdentifier}.
 *
 * @param sharpness log-likelihood per letter that Lingua's relative confidences are scaled by
 * @param switchProbability chance that a customer changes language between two turns
 * @param localeWeight share of the starting belief that the request's locale gets
 * @param minConfidence below this probability the answer is {@code und}
 * @param lowAccuracy Lingua's low-accuracy mode (trigrams only, far less memory, worse on short texts)
 */
public record LanguageSettings(double sharpness, double switchProbability, double localeWeight, double minConfidence,
                               boolean lowAccuracy) {
    public LanguageSettings {
        if (!(sharpness > 0) || switchProbability < 0 || switchProbability > 1 || localeWeight < 0 || localeWeight > 1
                || minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("sharpness must be positive; probabilities in [0, 1]");
        }
    }

    /**
     * Sharpness fitted on tatoeba_langid/dev.jsonl with {@code ./assist eval language --data
     * ../shared/datasets/tatoeba_langid/dev.jsonl --fit} (en, de, fr, es; see docs/BENCHMARKS.md, "Triage");
     * the other constants are set by hand.
     */
    public static LanguageSettings defaults() {
        return new LanguageSettings(2.0, 0.1, 0.5, 0.5, false);
    }
}
