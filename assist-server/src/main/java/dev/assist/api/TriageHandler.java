package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.routing.CustomerTier;
import dev.assist.routing.Dispatcher;
import dev.assist.routing.RoutingDecision;
import dev.assist.triage.TriageRequest;
import io.javalin.http.Context;
import java.time.Duration;

/** {@code POST /v1/triage} and {@code POST /v1/route}: what a conversation is about, and who should take it. */
final class TriageHandler {
    private final JsonBodies bodies;
    private final TriageRules rules;
    private final Readiness readiness;

    TriageHandler(JsonBodies bodies, TriageRules rules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
    }

    void triage(Context ctx) {
        TriageRequestBody body = bodies.read(ctx, TriageRequestBody.class);
        TriageRequest request = rules.conversation(body.text(), body.messages(), body.locale(), Authenticator.caller(ctx));
        ctx.json(TriageView.of(readiness.require().dispatcher().triage(request)));
    }

    /** Routes a conversation (triaged here) or a triage the caller computed before with {@code /v1/triage}. */
    void route(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        RouteRequestBody body = bodies.read(ctx, RouteRequestBody.class);
        CustomerTier tier = rules.customerTier(body.customerTier());
        Duration waited = rules.waited(body.waitedSeconds());
        if (body.triage() != null && (body.text() != null || body.messages() != null)) {
            throw ApiProblem.badRequest("invalid-field", "send either a triage or the conversation (text or messages), not both");
        }
        Dispatcher dispatcher = readiness.require().dispatcher();
        RoutingDecision decision = body.triage() != null
                ? dispatcher.route(rules.route(body.triage(), caller, tier, waited))
                : dispatcher.dispatch(rules.conversation(body.text(), body.messages(), body.locale(), caller), tier, waited)
                        .routing();
        ctx.json(TriageView.RoutingView.of(decision, caller.scope()));
    }
}
