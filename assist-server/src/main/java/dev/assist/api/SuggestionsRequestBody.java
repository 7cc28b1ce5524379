package dev.assist.api;

import java.util.List;

/** The body of {@code POST /v1/suggestions}: the help-desk ticket an agent is answering. */
public record SuggestionsRequestBody(Ticket ticket, String locale, String customerTier) {

    /** A ticket: its subject and its messages so far, oldest first. */
    public record Ticket(String subject, List<TurnBody> messages) {
    }
}
