package dev.assist.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Agent state per tenant, in memory; one tenant never sees another's agents. The help desk is the source of truth: it sends each agent's state with
 * {@code PUT /v1/agents/{id}} when it changes and at least every {@code staleAfter}. After a restart
 * the registry is empty and routing answers with a team only, until the help desk has sent its
 * agents again; an agent not heard from within {@code staleAfter} counts as offline, so a
 * crashed help desk cannot leave ghosts that take conversations.
 */
public final class AgentRegistry {
    private final ConcurrentMap<String, ConcurrentMap<String, Agent>> tenants = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAgents;

    public AgentRegistry(Clock clock, Duration staleAfter, int maxAgents) {
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAgents = maxAgents;
    }

    public static AgentRegistry inMemory() {
        return new AgentRegistry(Clock.systemUTC(), Duration.ofMinutes(15), 10_000);
    }

    /** How long an agent's state counts without an update. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /** Creates or replaces a tenant's agent's state (stamped now); returns the stored state. */
    public Agent put(String tenant, String id, AgentStatus status, Set<String> languages, Set<String> skills,
                     int openConversations, int capacity) {
        Agent agent = new Agent(id, status, languages, skills, openConversations, capacity, clock.instant());
        ConcurrentMap<String, Agent> agents = tenants.computeIfAbsent(requireTenant(tenant), t -> new ConcurrentHashMap<>());
        if (!agents.containsKey(id) && agents.size() >= maxAgents) {
            throw new IllegalArgumentException("too many agents for tenant " + tenant + " (limit " + maxAgents + ")");
        }
        agents.put(id, agent);
        return agent;
    }

    public Optional<Agent> get(String tenant, String id) {
        return Optional.ofNullable(agents(tenant).get(id)).map(this::withStaleness);
    }

    public boolean remove(String tenant, String id) {
        return agents(tenant).remove(id) != null;
    }

    /** A tenant's agents, stale ones reported as offline, sorted by id. */
    public List<Agent> all(String tenant) {
        return agents(tenant).values().stream().map(this::withStaleness).sorted(Comparator.comparing(Agent::id)).toList();
    }

    /** Counts a conversation routed to the agent until the help desk's next update says otherwise. */
    public void assigned(String tenant, String id) {
        agents(tenant).computeIfPresent(id, (key, agent) -> agent.withOpenConversations(agent.openConversations() + 1));
    }

    private ConcurrentMap<String, Agent> agents(String tenant) {
        return tenants.getOrDefault(requireTenant(tenant), new ConcurrentHashMap<>());
    }

    private static String requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is missing");
        }
        return tenant;
    }

    private Agent withStaleness(Agent agent) {
        Instant cutoff = clock.instant().minus(staleAfter);
        if (agent.status() != AgentStatus.OFFLINE && agent.updatedAt().isBefore(cutoff)) {
            return new Agent(agent.id(), AgentStatus.OFFLINE, agent.languages(), agent.skills(),
                    agent.openConversations(), agent.capacity(), agent.updatedAt());
        }
        return agent;
    }
}
