package dev.assist.api;

/** The body of {@code POST /v1/feedback}: a verdict on one answer ({@code rating} up or down). */
public record FeedbackRequestBody(String answerId, String rating, String comment) {
}
