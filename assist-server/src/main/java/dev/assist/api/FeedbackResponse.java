package dev.assist.api;

import dev.assist.feedback.Feedback;

/** The body of a {@code 201} from {@code POST /v1/feedback}: what was stored, and when. */
public record FeedbackResponse(String answerId, String rating, String recordedAt) {
    static FeedbackResponse from(Feedback feedback) {
        return new FeedbackResponse(feedback.answerId(), feedback.rating().wireName(), feedback.time().toString());
    }
}
