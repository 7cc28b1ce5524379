package dev.assist.api;

import dev.assist.auth.Scope;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;

/** Who may call a route: the route table tags each protected route with one of these. */
public enum Access implements RouteRole {
    /** Any valid key: bot keys see public articles, agent and admin keys internal ones too. */
    ANY_KEY(EnumSet.allOf(Scope.class), "an API key"),
    /** Keys of the people who read answers, customers through a bot and agents: feedback on answers. */
    BOT_OR_AGENT(EnumSet.of(Scope.BOT, Scope.AGENT), "a bot or agent key"),
    /** Agent keys only: reply suggestions draw on internal articles. */
    AGENT(EnumSet.of(Scope.AGENT), "an agent key"),
    /** Agent or admin keys: routing and the agent list name agents, which customers' bots must not see. */
    AGENT_OR_ADMIN(EnumSet.of(Scope.AGENT, Scope.ADMIN), "an agent or admin key"),
    /** Admin keys only: article and agent management. */
    ADMIN(EnumSet.of(Scope.ADMIN), "an admin key");

    private final Set<Scope> scopes;
    private final String description;

    Access(Set<Scope> scopes, String description) {
        this.scopes = scopes;
        this.description = description;
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }

    public String description() {
        return description;
    }
}
