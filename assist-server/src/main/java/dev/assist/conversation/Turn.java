package dev.assist.conversation;

import java.util.Objects;

/** One message of a conversation. */
public record Turn(Role role, String text) {
    public Turn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
    }
}
