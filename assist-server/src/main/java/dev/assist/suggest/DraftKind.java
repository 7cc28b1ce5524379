package dev.assist.suggest;

import java.util.Locale;

/** The three replies an agent is offered: they differ in length, structure and tone. */
public enum DraftKind {
    /** The answer in a sentence or two and a link. */
    CONCISE,
    /** Numbered steps taken from the best article's own instructions. */
    STEP_BY_STEP,
    /** Acknowledges the customer's problem first, then answers and offers more help. */
    EMPATHETIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
