package dev.assist.api;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The public operational routes: liveness, readiness, metrics and the API description. */
final class OpsHandler {
    private final Readiness readiness;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    OpsHandler(Readiness readiness, PrometheusMeterRegistry registry, byte[] openApi) {
        this.readiness = readiness;
        this.registry = registry;
        this.openApi = openApi.clone();
    }

    /** 200 whenever the process serves HTTP at all. */
    void health(Context ctx) {
        ctx.json(new HealthResponse("up"));
    }

    /** 200 once the index is open; 503 problem until then. */
    void ready(Context ctx) {
        readiness.require();
        ctx.json(new HealthResponse("ready"));
    }

    void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }
}
