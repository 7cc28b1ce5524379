package dev.assist.triage;

/** How soon a conversation should be picked up, from sentiment and escalation signals. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** One step up, saturating at {@link #URGENT}. */
    public Priority raise() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
