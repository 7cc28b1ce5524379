package dev.assist.routing;

import dev.assist.triage.LanguageGuess;
import dev.assist.triage.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Skill-based routing: the intent names a team; among agents with room, one who speaks the
 * customer's language and has the team (or the intent) as a skill comes first, the least loaded of
 * them first. A conversation waits for such an agent up to {@code waitForSkillSeconds}; after that an
 * agent who speaks the language will do, and after twice that anyone with room, so nobody waits
 * forever for a specialist.
 */
public final class Router {
    private static final int MAX_CANDIDATES = 5;
    private final RoutingConfig config;
    private final AgentRegistry agents;

    public Router(RoutingConfig config, AgentRegistry agents) {
        this.config = config;
        this.agents = agents;
    }

    public RoutingDecision route(RouteRequest request) {
        String team = config.teamOf(request.intent());
        Priority priority = priority(request);
        List<String> reasons = new ArrayList<>();
        reasons.add("intent " + request.intent() + " -> team " + team);
        if (priority != request.priority()) {
            reasons.add("priority " + request.priority() + " raised to " + priority + " for a " + request.tier().name().toLowerCase(Locale.ROOT) + " customer");
        }
        List<Agent> all = agents.all(request.tenant());
        if (all.isEmpty()) {
            reasons.add("no agent state known: queue for the team");
            return new RoutingDecision(team, priority, List.of(), reasons);
        }
        Strictness strictness = strictness(request);
        List<RouteCandidate> candidates = new ArrayList<>();
        for (Agent agent : all) {
            if (!agent.hasRoom()) {
                continue;
            }
            RouteCandidate candidate = score(agent, team, request);
            if (strictness.admits(candidate)) {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(RouteCandidate::score).reversed().thenComparing(RouteCandidate::agentId));
        if (candidates.isEmpty()) {
            reasons.add("no agent with room " + strictness.description + ": queue for the team");
        } else if (strictness != Strictness.SKILL_AND_LANGUAGE) {
            reasons.add("waited " + request.waited().toSeconds() + " s: " + strictness.description);
        }
        return new RoutingDecision(team, priority, candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size())), reasons);
    }

    private RouteCandidate score(Agent agent, String team, RouteRequest request) {
        boolean undetermined = LanguageGuess.UNDETERMINED.equals(request.language());
        boolean language = undetermined || agent.languages().contains(request.language());
        boolean skill = agent.skills().contains(team) || agent.skills().contains(request.intent().toLowerCase(Locale.ROOT));
        List<String> reasons = new ArrayList<>();
        reasons.add(undetermined ? "language undetermined" : (language ? "speaks " : "does not speak ") + request.language());
        reasons.add((skill ? "has skill " : "lacks skill ") + team);
        reasons.add("load " + agent.openConversations() + "/" + agent.capacity());
        // Language outweighs skill: a generalist who speaks the language helps more than a specialist who does not.
        double score = (language ? 3 : 0) + (skill ? 2 : 0) + (1 - agent.load());
        return new RouteCandidate(agent.id(), score, language, skill, agent.load(), reasons);
    }

    private enum Strictness {
        SKILL_AND_LANGUAGE("with the skill and the language"),
        LANGUAGE("who speaks the language"),
        ANYONE("of any skill or language");

        final String description;

        Strictness(String description) {
            this.description = description;
        }

        boolean admits(RouteCandidate candidate) {
            return switch (this) {
                case SKILL_AND_LANGUAGE -> candidate.hasSkill() && candidate.speaksLanguage();
                case LANGUAGE -> candidate.speaksLanguage();
                case ANYONE -> true;
            };
        }
    }

    private Strictness strictness(RouteRequest request) {
        long waited = request.waited().toSeconds();
        int limit = config.waitForSkillSeconds();
        // Urgent conversations do not wait for a specialist as long.
        if (request.priority() == Priority.URGENT) {
            limit /= 2;
        }
        if (waited < limit) {
            return Strictness.SKILL_AND_LANGUAGE;
        }
        return waited < 2L * limit ? Strictness.LANGUAGE : Strictness.ANYONE;
    }

    static Priority priority(RouteRequest request) {
        return switch (request.tier()) {
            case STANDARD -> request.priority();
            case PREMIUM -> request.priority().raise();
            case ENTERPRISE -> request.priority().compareTo(Priority.HIGH) < 0 ? Priority.HIGH : request.priority().raise();
        };
    }
}
