package dev.assist.api;

import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.pipeline.Retrieval;
import dev.assist.pipeline.StageTimings;
import io.javalin.http.Context;

/** {@code POST /v1/search}: ranked articles for a search box, filtered like answers are. */
final class SearchHandler {
    private final JsonBodies bodies;
    private final RequestRules rules;
    private final Readiness readiness;

    SearchHandler(JsonBodies bodies, RequestRules rules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
    }

    void search(Context ctx) {
        SearchRequestBody body = bodies.read(ctx, SearchRequestBody.class);
        AnswerRequest request = rules.search(body, Authenticator.caller(ctx));
        int limit = rules.searchLimit(body);
        AssistPipeline pipeline = readiness.require().search();
        StageTimings timings = pipeline.newTimings();
        Retrieval retrieval = pipeline.search(request, timings);
        ctx.json(SearchResponse.from(retrieval, limit, timings.millis()));
    }
}
