package dev.assist.eval.stats;

import java.util.Locale;

/** What an A/B comparison concludes about one metric. */
public enum Verdict {
    /** B is better, and the difference is significant. */
    BETTER,
    /** B is worse, and the difference is significant. */
    WORSE,
    /** B is significantly higher on a metric with no better direction (the hand-off rate). */
    HIGHER,
    /** B is significantly lower on a metric with no better direction. */
    LOWER,
    /** The interval includes 0 or the test is not significant. */
    NO_DETECTABLE_DIFFERENCE,
    /** The metric is not defined on rows both configurations share. */
    NOT_COMPARABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case HIGHER -> "higher";
            case LOWER -> "lower";
            case NO_DETECTABLE_DIFFERENCE -> "no detectable difference";
            case NOT_COMPARABLE -> "not comparable";
        };
    }
}
