package dev.assist.conversation;

import java.util.Locale;

/** Who wrote a turn of a conversation. */
public enum Role {
    CUSTOMER,
    ASSISTANT,
    AGENT;

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
