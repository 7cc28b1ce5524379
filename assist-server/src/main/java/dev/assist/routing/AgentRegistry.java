package dev.assist.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Agent state, in memory, per tenant: an agent belongs to the tenant whose help desk announced it,
 * and no call of another tenant sees or routes to it. The help desk is the source of truth: it
 * sends each agent's state with {@code PUT /v1/agents/{id}} when it changes and at least every
 * {@code staleAfter}. After a restart the registry is empty and routing answers with a team only,
 * until the help desk has sent its agents again; an agent not heard from within {@code staleAfter}
 * counts as offline, so a crashed help desk cannot leave ghosts that take conversations.
 */
public final class AgentRegistry {
    private final ConcurrentMap<String, ConcurrentMap<String, Agent>> tenants = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAgentsPerTenant;

    public AgentRegistry(Clock clock, Duration staleAfter, int maxAgentsPerTenant) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
        if (maxAgentsPerTenant < 1) {
            throw new IllegalArgumentException("maxAgentsPerTenant must be at least 1");
        }
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAgentsPerTenant = maxAgentsPerTenant;
    }

    public static AgentRegistry inMemory() {
        return new AgentRegistry(Clock.systemUTC(), Duration.ofMinutes(15), 10_000);
    }

    /** How long an agent counts as announced after its last update. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /**
     * Creates or replaces an agent's state (stamped now); returns the stored state. When the tenant
     * is at its limit, agents not heard from within {@code staleAfter} are forgotten first.
     */
    public Agent put(String tenant, String id, AgentStatus status, Set<String> languages, Set<String> skills,
                     int openConversations, int capacity) {
        Agent agent = new Agent(id, status, languages, skills, openConversations, capacity, clock.instant());
        ConcurrentMap<String, Agent> agents = tenants.computeIfAbsent(requireTenant(tenant), t -> new ConcurrentHashMap<>());
        if (!agents.containsKey(id) && agents.size() >= maxAgentsPerTenant) {
            Instant cutoff = cutoff();
            agents.values().removeIf(known -> known.updatedAt().isBefore(cutoff));
            if (agents.size() >= maxAgentsPerTenant) {
                throw new IllegalArgumentException("too many agents in this tenant (limit " + maxAgentsPerTenant
                        + "); remove agents who left before adding others");
            }
        }
        agents.put(id, agent);
        return agent;
    }

    public Optional<Agent> get(String tenant, String id) {
        return Optional.ofNullable(agentsOf(tenant).get(id)).map(this::withStaleness);
    }

    /** Forgets an agent; false if the tenant has no such agent. */
    public boolean remove(String tenant, String id) {
        Map<String, Agent> agents = tenants.get(requireTenant(tenant));
        return agents != null && agents.remove(id) != null;
    }

    /** Every agent of the tenant, stale ones reported as offline, sorted by id. */
    public List<Agent> all(String tenant) {
        return agentsOf(tenant).values().stream().map(this::withStaleness)
                .sorted(Comparator.comparing(Agent::id)).toList();
    }

    /** Counts a conversation routed to the agent until the help desk's next update says otherwise. */
    public void assigned(String tenant, String id) {
        ConcurrentMap<String, Agent> agents = tenants.get(requireTenant(tenant));
        if (agents != null) {
            agents.computeIfPresent(id, (key, agent) -> agent.withOpenConversations(agent.openConversations() + 1));
        }
    }

    /** The tenant's agents; a read-only empty map for a tenant that has none. */
    private Map<String, Agent> agentsOf(String tenant) {
        Map<String, Agent> agents = tenants.get(requireTenant(tenant));
        return agents == null ? Map.of() : agents;
    }

    private Agent withStaleness(Agent agent) {
        if (agent.status() != AgentStatus.OFFLINE && agent.updatedAt().isBefore(cutoff())) {
            return new Agent(agent.id(), AgentStatus.OFFLINE, agent.languages(), agent.skills(),
                    agent.openConversations(), agent.capacity(), agent.updatedAt());
        }
        return agent;
    }

    private Instant cutoff() {
        return clock.instant().minus(staleAfter);
    }

    private static String requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is missing");
        }
        return tenant;
    }
}
