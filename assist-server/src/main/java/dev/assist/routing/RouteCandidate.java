package dev.assist.routing;

import java.util.List;

/** An agent the router would give the conversation to, its score and why. */
public record RouteCandidate(String agentId, double score, boolean speaksLanguage, boolean hasSkill, double load,
                             List<String> reasons) {
    public RouteCandidate {
        reasons = List.copyOf(reasons);
    }
}
