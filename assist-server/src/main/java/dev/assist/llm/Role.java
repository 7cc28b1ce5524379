package dev.assist.llm;

/** Who said a turn of a conversation. */
public enum Role {
    /** The customer asking for help. */
    CUSTOMER,
    /** Assist's own earlier answer (bot channel). */
    ASSISTANT,
    /** A human support agent. */
    AGENT;

    /** How the prompts label this speaker. */
    public String label() {
        return switch (this) {
            case CUSTOMER -> "Customer";
            case ASSISTANT -> "Assistant";
            case AGENT -> "Agent";
        };
    }
}
