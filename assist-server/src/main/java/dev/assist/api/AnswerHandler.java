package dev.assist.api;

import dev.assist.compose.AnswerPieces;
import dev.assist.pipeline.Answer;
import dev.assist.pipeline.AnswerRequest;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code POST /v1/answer} and its server-sent-events twin {@code POST /v1/answer/stream}. */
final class AnswerHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final Readiness readiness;
    private final ProblemResponses problems;

    AnswerHandler(JsonBodies bodies, RequestRules rules, Readiness readiness, ProblemResponses problems) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
        this.problems = problems;
    }

    void answer(Context ctx) {
        AnswerRequest request = rules.answer(bodies.read(ctx, AnswerRequestBody.class), Authenticator.caller(ctx));
        Answer answer = readiness.require().answers().answer(request);
        ctx.json(AnswerResponse.from(answer));
    }

    /**
     * Events {@code meta}, {@code delta} (the text piece by piece) and {@code done} (the whole
     * response). A request that is refused is refused before the stream opens, with a status and a
     * problem body; a failure after that is an {@code error} event carrying the problem.
     */
    void stream(Context ctx) {
        AnswerRequest request = rules.answer(bodies.read(ctx, AnswerRequestBody.class), Authenticator.caller(ctx));
        Backend backend = readiness.require();
        SseClient events = open(ctx);
        try {
            Answer answer = backend.answers().answer(request);
            events.sendEvent("meta", AnswerEvents.Meta.from(answer));
            for (String piece : AnswerPieces.of(answer.composition().text(), answer.retrieval().language())) {
                events.sendEvent("delta", new AnswerEvents.Delta(piece));
            }
            events.sendEvent("done", AnswerResponse.from(answer));
        } catch (RuntimeException e) {
            events.sendEvent("error", problems.body(problems.toProblem(e, ctx.path()), ctx.path()));
        }
    }

    private static SseClient open(Context ctx) {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no"); // proxies must not hold events back
        try {
            res.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("client went away before the stream opened", e);
        }
        return new SseClient(ctx);
    }
}
