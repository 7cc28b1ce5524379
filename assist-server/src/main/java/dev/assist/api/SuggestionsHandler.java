package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.routing.CustomerTier;
import dev.assist.routing.Dispatch;
import dev.assist.suggest.SuggestionRequest;
import dev.assist.suggest.Suggestions;
import dev.assist.triage.TriageRequest;
import io.javalin.http.Context;
import java.time.Duration;

/** {@code POST /v1/suggestions}: reply drafts for an agent working a ticket, and the ticket's triage and routing. */
final class SuggestionsHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final TriageRules triageRules;
    private final Readiness readiness;

    SuggestionsHandler(JsonBodies bodies, RequestRules rules, TriageRules triageRules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.triageRules = triageRules;
        this.readiness = readiness;
    }

    void suggest(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        SuggestionsRequestBody body = bodies.read(ctx, SuggestionsRequestBody.class);
        SuggestionRequest request = rules.suggestions(body, caller);
        TriageRequest conversation = triageRules.conversation(request);
        CustomerTier tier = triageRules.customerTier(body.customerTier());
        Backend backend = readiness.require();
        Suggestions suggestions = backend.suggester().suggest(request);
        Dispatch dispatch = backend.dispatcher().dispatch(conversation, tier, Duration.ZERO);
        ctx.json(SuggestionsResponse.from(suggestions, TriageView.of(dispatch, caller.scope())));
    }
}
