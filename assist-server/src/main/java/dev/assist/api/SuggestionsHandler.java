package dev.assist.api;

import dev.assist.suggest.SuggestionRequest;
import io.javalin.http.Context;

/** {@code POST /v1/suggestions}: reply drafts for an agent working a ticket. */
final class SuggestionsHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final Readiness readiness;

    SuggestionsHandler(JsonBodies bodies, RequestRules rules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
    }

    void suggest(Context ctx) {
        SuggestionRequest request = rules.suggestions(bodies.read(ctx, SuggestionsRequestBody.class), Authenticator.caller(ctx));
        ctx.json(SuggestionsResponse.from(readiness.require().suggester().suggest(request)));
    }
}
