package dev.assist.api;

import dev.assist.feedback.Feedback;
import dev.assist.feedback.FeedbackLog;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code POST /v1/feedback}: thumbs up or down on an answer, stored before the response is sent.
 * It does not need the index, so it works while the server is still opening it.
 */
final class FeedbackHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final FeedbackLog log;
    private final Clock clock;

    FeedbackHandler(JsonBodies bodies, RequestRules rules, FeedbackLog log, Clock clock) {
        this.bodies = bodies;
        this.rules = rules;
        this.log = log;
        this.clock = clock;
    }

    void record(Context ctx) {
        Feedback feedback = rules.feedback(bodies.read(ctx, FeedbackRequestBody.class), Authenticator.caller(ctx),
                clock.instant());
        log.append(feedback);
        ctx.status(201).json(FeedbackResponse.from(feedback));
    }
}
