/**
 * Routing: a team from the intent ({@link dev.assist.routing.RoutingConfig}, YAML), and agents
 * ranked by language, skill and load ({@link dev.assist.routing.Router}) from the state the help
 * desk reports ({@link dev.assist.routing.AgentRegistry}, in memory).
 *
 * <p>Contract for callers: {@code PUT /v1/agents/{id}} maps to {@code AgentRegistry.put(tenant, id, status,
 * languages, skills, openConversations, capacity)} (agents are per tenant) (bad values throw IllegalArgumentException);
 * {@code POST /v1/route} and {@code triage.routing} map to
 * {@code router.route(RouteRequest.of(tenant, triageResult, tier))}, which returns the team, the
 * priority and up to five candidates with reasons. Restart story: agent state is not persisted;
 * after a restart routing returns a team and no agents until the help desk re-sends its agents,
 * and an agent not updated within 15 minutes counts as offline.
 */
package dev.assist.routing;
