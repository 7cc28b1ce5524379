package dev.assist.api;

import dev.assist.routing.Agent;
import java.util.List;

/**
 * An agent as the API shows it; {@code status} is offline when the help desk has not announced the
 * agent within {@code routing.agent_stale_minutes}, whatever it said last.
 */
public record AgentView(String agentId, String status, List<String> languages, List<String> skills,
                        int openConversations, int capacity, String updatedAt) {

    static AgentView from(Agent agent) {
        return new AgentView(agent.id(), TriageView.wireName(agent.status()), agent.languages().stream().sorted().toList(),
                agent.skills().stream().sorted().toList(), agent.openConversations(), agent.capacity(),
                agent.updatedAt().toString());
    }

    /** The body of {@code GET /v1/agents}: the caller's tenant's agents, sorted by id. */
    public record Listing(List<AgentView> agents, long staleAfterSeconds) {
    }
}
