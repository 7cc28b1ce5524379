package dev.assist.routing;

import dev.assist.triage.Triage;
import dev.assist.triage.TriageRequest;
import dev.assist.triage.TriageResult;
import java.time.Duration;

/**
 * Triage and routing together: what a conversation is about and who should take it. Answers,
 * reply suggestions and the route endpoint all ask this one question; routing only recommends
 * (it assigns nobody), the help desk assigns and reports the agents' new load.
 */
public final class Dispatcher {
    private final Triage triage;
    private final Router router;

    public Dispatcher(Triage triage, Router router) {
        this.triage = triage;
        this.router = router;
    }

    public TriageResult triage(TriageRequest request) {
        return triage.triage(request);
    }

    /** Triages the conversation and routes it for a customer of {@code tier} who has waited {@code waited}. */
    public Dispatch dispatch(TriageRequest request, CustomerTier tier, Duration waited) {
        TriageResult result = triage.triage(request);
        return new Dispatch(result, route(RouteRequest.of(request.tenant(), result, tier).afterWaiting(waited)));
    }

    /** Routes a conversation whose triage the caller already has. */
    public RoutingDecision route(RouteRequest request) {
        return router.route(request);
    }
}
