package dev.assist.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.triage.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final MutableClock clock = new MutableClock();
    private final AgentRegistry registry = new AgentRegistry(clock, Duration.ofMinutes(15), 100);
    private final Router router = new Router(RoutingConfig.defaults(), registry);

    private RouteRequest request(String intent, String language) {
        return new RouteRequest("lumora", intent, language, Priority.NORMAL, CustomerTier.STANDARD, Duration.ZERO);
    }

    @Test
    void intentPicksTheTeamAndTheLeastLoadedAgentWithSkillAndLanguage() {
        registry.put("lumora", "ana", AgentStatus.ONLINE, Set.of("en", "de"), Set.of("billing"), 3, 4);
        registry.put("lumora", "ben", AgentStatus.ONLINE, Set.of("en", "de"), Set.of("billing"), 1, 4);
        registry.put("lumora", "cem", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 4);
        registry.put("lumora", "dora", AgentStatus.ONLINE, Set.of("de"), Set.of("technical"), 0, 4);

        RoutingDecision decision = router.route(request("refund", "de"));
        assertThat(decision.team()).isEqualTo("billing");
        assertThat(decision.candidates()).extracting(RouteCandidate::agentId).containsExactly("ben", "ana");
        assertThat(decision.best().orElseThrow().reasons()).contains("speaks de", "has skill billing", "load 1/4");
    }

    @Test
    void afterWaitingTheSearchWidensToLanguageThenAnyone() {
        registry.put("lumora", "dora", AgentStatus.ONLINE, Set.of("de"), Set.of("technical"), 0, 4);
        registry.put("lumora", "eve", AgentStatus.ONLINE, Set.of("en"), Set.of("technical"), 0, 4);
        assertThat(router.route(request("refund", "de")).candidates()).isEmpty();
        assertThat(router.route(request("refund", "de").afterWaiting(Duration.ofSeconds(130))).candidates())
                .extracting(RouteCandidate::agentId).containsExactly("dora");
        assertThat(router.route(request("refund", "de").afterWaiting(Duration.ofSeconds(250))).candidates())
                .extracting(RouteCandidate::agentId).containsExactly("dora", "eve");
    }

    @Test
    void fullAwayAndStaleAgentsGetNothing() {
        registry.put("lumora", "full", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 2, 2);
        registry.put("lumora", "away", AgentStatus.AWAY, Set.of("en"), Set.of("billing"), 0, 2);
        registry.put("lumora", "stale", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 2);
        clock.advance(Duration.ofMinutes(16));
        registry.put("lumora", "fresh", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 2);
        assertThat(router.route(request("billing", "en")).candidates()).extracting(RouteCandidate::agentId).containsExactly("fresh");
        assertThat(registry.get("lumora", "stale").orElseThrow().status()).isEqualTo(AgentStatus.OFFLINE);
    }

    @Test
    void noAgentStateMeansATeamOnlyAndTierRaisesPriority() {
        RoutingDecision decision = router.route(new RouteRequest("lumora", "api", "en", Priority.NORMAL,
                CustomerTier.ENTERPRISE, Duration.ZERO));
        assertThat(decision.team()).isEqualTo("technical");
        assertThat(decision.candidates()).isEmpty();
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.reasons()).anyMatch(reason -> reason.contains("no agent state known"));
    }

    @Test
    void anotherTenantsAgentsAreNeverCandidates() {
        registry.put("acme", "zoe", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 4);
        assertThat(router.route(request("refund", "en")).candidates()).isEmpty();
        assertThat(registry.all("lumora")).isEmpty();
        assertThat(registry.get("lumora", "zoe")).isEmpty();
    }

    @Test
    void badAgentUpdatesAreRejected() {
        assertThatThrownBy(() -> registry.put("lumora", "bad id!", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2))
                .hasMessageContaining("agent id");
        assertThatThrownBy(() -> registry.put("lumora", "a", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 0))
                .hasMessageContaining("capacity must be between 1 and 100");
        assertThatThrownBy(() -> registry.put("lumora", "a", AgentStatus.ONLINE, Set.of("en"), Set.of(), -1, 2))
                .hasMessageContaining("openConversations must not be negative");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
