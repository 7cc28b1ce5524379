package dev.assist.triage;

import dev.assist.conversation.Role;
import java.util.Objects;

/** One turn of a conversation: who wrote it and the text (not blank, at most 100 KB). */
public record Message(Role role, String text) {
    public Message {
        Objects.requireNonNull(role, "role");
        TextLimits.requireText(text, "message text");
    }

    public static Message customer(String text) {
        return new Message(Role.CUSTOMER, text);
    }
}
