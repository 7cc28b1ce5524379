package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.routing.Agent;
import dev.assist.routing.AgentRegistry;
import io.javalin.http.Context;

/**
 * {@code PUT}, {@code GET} and {@code DELETE /v1/agents}: the agent state routing chooses among,
 * announced by the caller's help desk and kept in memory for the caller's tenant only.
 */
final class AgentsHandler {
    private final JsonBodies bodies;
    private final TriageRules rules;
    private final Readiness readiness;

    AgentsHandler(JsonBodies bodies, TriageRules rules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
    }

    void put(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        TriageRules.AgentState state = rules.agent(bodies.read(ctx, AgentRequestBody.class));
        AgentRegistry agents = readiness.require().agents();
        boolean existed = agents.get(caller.tenant(), id).isPresent();
        Agent agent = TriageRules.checked("invalid-agent", () -> agents.put(caller.tenant(), id, state.status(),
                state.languages(), state.skills(), state.openConversations(), state.capacity()));
        ctx.status(existed ? 200 : 201).json(AgentView.from(agent));
    }

    void list(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        AgentRegistry agents = readiness.require().agents();
        ctx.json(new AgentView.Listing(agents.all(caller.tenant()).stream().map(AgentView::from).toList(),
                agents.staleAfter().toSeconds()));
    }

    void delete(Context ctx) {
        ApiKey caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        if (!readiness.require().agents().remove(caller.tenant(), id)) {
            throw ApiProblem.notFound("agent-not-found", "there is no agent '" + id + "' in this tenant; "
                    + "GET /v1/agents lists them");
        }
        ctx.status(204);
    }
}
