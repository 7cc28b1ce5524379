package dev.assist.triage;

/** Who wrote a message of a conversation. */
public enum Author {
    CUSTOMER, AGENT, BOT
}
