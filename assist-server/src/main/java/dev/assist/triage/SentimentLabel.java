package dev.assist.triage;

/** Polarity of what the customer wrote. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE
}
