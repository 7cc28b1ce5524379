package dev.assist.compose;

import java.util.Locale;

/** Why Assist recommends a human instead of answering. */
public enum HandoffReason {
    /** Nothing the caller may see matched the question. */
    NO_RESULTS,
    /** Passages were found, but none answers the question well enough. */
    LOW_CONFIDENCE,
    /** The language model said the passages do not answer the question. */
    MODEL_DECLINED,
    /** The generated answer was not supported by its passages, and no extractive answer was good enough. */
    UNGROUNDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
