package dev.assist.api;

import dev.assist.metrics.StageTimers;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Records every request's latency as {@code http_server_requests_seconds} with a histogram,
 * tagged by method, route template ({@code /v1/articles/{id}}, never the raw path, so clients
 * cannot blow up the number of series) and status.
 */
final class RequestTimers {
    static final String NAME = "http.server.requests";
    private final MeterRegistry registry;

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        Timer.builder(NAME)
                .description("HTTP request latency by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(StageTimers.BUCKETS)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint != null) {
                return endpoint.path;
            }
        } catch (RuntimeException noEndpoint) {
            // an unmatched request has no endpoint
        }
        return ctx.statusCode() < 400 ? "static" : "unmatched";
    }
}
