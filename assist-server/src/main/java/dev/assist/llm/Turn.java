package dev.assist.llm;

import java.util.Objects;

/** One message of the conversation so far. */
public record Turn(Role role, String text) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
