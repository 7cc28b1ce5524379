package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.compose.AnswerPieces;
import dev.assist.pipeline.Answer;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.routing.CustomerTier;
import dev.assist.triage.TriageRequest;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code POST /v1/answer} and its server-sent-events twin {@code POST /v1/answer/stream}. Both carry
 * the conversation's triage and routing, as much as the caller's scope may see.
 */
final class AnswerHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final TriageRules triageRules;
    private final Readiness readiness;
    private final ProblemResponses problems;

    AnswerHandler(JsonBodies bodies, RequestRules rules, TriageRules triageRules, Readiness readiness,
                  ProblemResponses problems) {
        this.bodies = bodies;
        this.rules = rules;
        this.triageRules = triageRules;
        this.readiness = readiness;
        this.problems = problems;
    }

    /** A question, checked: what the pipeline answers and what triage reads. */
    private record Question(ApiKey caller, AnswerRequest request, TriageRequest conversation, CustomerTier tier) {
    }

    void answer(Context ctx) {
        Question question = read(ctx);
        Backend backend = readiness.require();
        Answer answer = backend.answers().answer(question.request());
        ctx.json(AnswerResponse.from(answer, triage(backend, question)));
    }

    /**
     * Events {@code meta}, {@code delta} (the text piece by piece) and {@code done} (the whole
     * response). A request that is refused is refused before the stream opens, with a status and a
     * problem body; a failure after that is an {@code error} event carrying the problem.
     */
    void stream(Context ctx) {
        Question question = read(ctx);
        Backend backend = readiness.require();
        SseClient events = open(ctx);
        try {
            Answer answer;
            if (backend.answers().generative()) {
                // A model writes for seconds: forward its text as it comes, the passages first.
                answer = backend.answers().answer(question.request(),
                        (id, retrieval) -> events.sendEvent("meta", AnswerEvents.Meta.sources(id, retrieval)),
                        piece -> events.sendEvent("delta", new AnswerEvents.Delta(piece)));
            } else {
                answer = backend.answers().answer(question.request());
                events.sendEvent("meta", AnswerEvents.Meta.from(answer));
                for (String piece : AnswerPieces.of(answer.composition().text(), answer.retrieval().language())) {
                    events.sendEvent("delta", new AnswerEvents.Delta(piece));
                }
            }
            events.sendEvent("done", AnswerResponse.from(answer, triage(backend, question)));
        } catch (RuntimeException e) {
            events.sendEvent("error", problems.body(problems.toProblem(e, ctx.path()), ctx.path()));
        }
    }

    private Question read(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        AnswerRequestBody body = bodies.read(ctx, AnswerRequestBody.class);
        AnswerRequest request = rules.answer(body, caller);
        return new Question(caller, request, triageRules.conversation(request), triageRules.customerTier(body.customerTier()));
    }

    private static TriageView triage(Backend backend, Question question) {
        return TriageView.of(backend.dispatcher().dispatch(question.conversation(), question.tier(), Duration.ZERO),
                question.caller().scope());
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
