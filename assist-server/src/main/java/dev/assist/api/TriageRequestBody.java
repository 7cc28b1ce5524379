package dev.assist.api;

import java.util.List;

/**
 * The body of {@code POST /v1/triage}: one customer {@code text}, or a conversation's
 * {@code messages} oldest first (the last customer message is triaged, earlier ones are context).
 */
public record TriageRequestBody(String text, List<TurnBody> messages, String locale) {
}
