package dev.assist.triage.learn;

/**
 * Which n-grams {@link NgramFeatures} counts: word n-grams {@code wordMin..wordMax}, character
 * n-grams {@code charMin..charMax} inside word boundaries (0 disables), terms in fewer than
 * {@code minDf} training texts dropped.
 */
public record NgramConfig(int wordMin, int wordMax, int charMin, int charMax, int minDf) {
    public NgramConfig {
        if (wordMin < 1 || wordMax < wordMin - 1 || charMin < 0 || charMax < 0 || minDf < 1) {
            throw new IllegalArgumentException("bad n-gram ranges: words " + wordMin + ".." + wordMax
                    + ", chars " + charMin + ".." + charMax + ", minDf " + minDf);
        }
    }

    /** Words 1-2 and characters 2-5, as the TF-IDF peers in the issue use. */
    public static NgramConfig defaults() {
        return new NgramConfig(1, 2, 2, 5, 2);
    }
}
