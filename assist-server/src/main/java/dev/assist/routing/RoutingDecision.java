package dev.assist.routing;

import dev.assist.triage.Priority;
import java.util.List;
import java.util.Optional;

/**
 * Where a conversation goes: the team, the priority (triage's, raised for higher tiers), agents
 * ranked best first (empty when agent state is unknown or nobody has room: then it queues for the
 * team), and the reasons.
 */
public record RoutingDecision(String team, Priority priority, List<RouteCandidate> candidates, List<String> reasons) {
    public RoutingDecision {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
    }

    public Optional<RouteCandidate> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
