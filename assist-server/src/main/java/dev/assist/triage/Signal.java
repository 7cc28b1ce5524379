package dev.assist.triage;

/** Escalation signals a support team acts on. */
public enum Signal {
    /** Strongly negative and angry wording, shouting, insults. */
    ANGER,
    /** The customer says it cannot wait. */
    URGENCY,
    /** The customer threatens to cancel or leave for a competitor. */
    CANCELLATION_THREAT,
    /** The customer mentions lawyers, courts, regulators. */
    LEGAL_THREAT,
    /** The customer says they have contacted support before about this, or keeps repeating it. */
    REPEATED_CONTACT
}
