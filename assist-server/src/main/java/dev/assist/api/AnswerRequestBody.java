package dev.assist.api;

import java.util.List;

/** The body of {@code POST /v1/answer} and {@code POST /v1/answer/stream}. */
public record AnswerRequestBody(String question, List<TurnBody> history, String locale) {
}
