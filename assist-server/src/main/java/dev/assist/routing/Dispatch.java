package dev.assist.routing;

import dev.assist.triage.TriageResult;
import java.util.Objects;

/** A triaged conversation and where it should go. */
public record Dispatch(TriageResult triage, RoutingDecision routing) {
    public Dispatch {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(routing, "routing");
    }
}
