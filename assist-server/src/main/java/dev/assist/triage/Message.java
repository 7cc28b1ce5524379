package dev.assist.triage;

import java.util.Objects;

/** One turn of a conversation: who wrote it and the text (not blank, at most 100 KB). */
public record Message(Author author, String text) {
    public Message {
        Objects.requireNonNull(author, "author");
        TextLimits.requireText(text, "message text");
    }

    public static Message customer(String text) {
        return new Message(Author.CUSTOMER, text);
    }
}
