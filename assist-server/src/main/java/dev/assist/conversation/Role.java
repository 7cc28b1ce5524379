package dev.assist.conversation;

import java.util.Locale;

/** Who wrote a turn of a conversation. */
public enum Role {
    CUSTOMER,
    ASSISTANT,
    AGENT;

    /** How prompts label this speaker. */
    public String label() {
        return switch (this) {
            case CUSTOMER -> "Customer";
            case ASSISTANT -> "Assistant";
            case AGENT -> "Agent";
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "' (expected customer, assistant or agent)");
    }
}
