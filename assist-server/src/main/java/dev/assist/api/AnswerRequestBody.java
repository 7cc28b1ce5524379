package dev.assist.api;

import java.util.List;

/**
 * The body of {@code POST /v1/answer} and {@code POST /v1/answer/stream}.
 *
 * @param customerTier standard (default), premium or enterprise: raises the priority of the conversation's routing
 */
public record AnswerRequestBody(String question, List<TurnBody> history, String locale, String customerTier) {
}
