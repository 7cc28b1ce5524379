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
    private static final String TENANT = "lumora";
    private final MutableClock clock = new MutableClock();
    private final AgentRegistry registry = new AgentRegistry(clock, Duration.ofMinutes(15), 100);
    private final Router router = new Router(RoutingConfig.defaults(), registry);

    private RouteRequest request(String intent, String language) {
        return new RouteRequest(TENANT, intent, language, Priority.NORMAL, CustomerTier.STANDARD, Duration.ZERO);
    }

    @Test
    void intentPicksTheTeamAndTheLeastLoadedAgentWithSkillAndLanguage() {
        registry.put(TENANT, "ana", AgentStatus.ONLINE, Set.of("en", "de"), Set.of("billing"), 3, 4);
        registry.put(TENANT, "ben", AgentStatus.ONLINE, Set.of("en", "de"), Set.of("billing"), 1, 4);
        registry.put(TENANT, "cem", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 4);
        registry.put(TENANT, "dora", AgentStatus.ONLINE, Set.of("de"), Set.of("technical"), 0, 4);

        RoutingDecision decision = router.route(request("refund", "de"));
        assertThat(decision.team()).isEqualTo("billing");
        assertThat(decision.candidates()).extracting(RouteCandidate::agentId).containsExactly("ben", "ana");
        assertThat(decision.best().orElseThrow().reasons()).contains("speaks de", "has skill billing", "load 1/4");
    }

    @Test
    void afterWaitingTheSearchWidensToLanguageThenAnyone() {
        registry.put(TENANT, "dora", AgentStatus.ONLINE, Set.of("de"), Set.of("technical"), 0, 4);
        registry.put(TENANT, "eve", AgentStatus.ONLINE, Set.of("en"), Set.of("technical"), 0, 4);
        assertThat(router.route(request("refund", "de")).candidates()).isEmpty();
        assertThat(router.route(request("refund", "de").afterWaiting(Duration.ofSeconds(130))).candidates())
                .extracting(RouteCandidate::agentId).containsExactly("dora");
        assertThat(router.route(request("refund", "de").afterWaiting(Duration.ofSeconds(250))).candidates())
                .extracting(RouteCandidate::agentId).containsExactly("dora", "eve");
    }

    @Test
    void fullAwayAndStaleAgentsGetNothing() {
        registry.put(TENANT, "full", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 2, 2);
        registry.put(TENANT, "away", AgentStatus.AWAY, Set.of("en"), Set.of("billing"), 0, 2);
        registry.put(TENANT, "stale", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 2);
        clock.advance(Duration.ofMinutes(16));
        registry.put(TENANT, "fresh", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 2);
        assertThat(router.route(request("billing", "en")).candidates()).extracting(RouteCandidate::agentId).containsExactly("fresh");
        assertThat(registry.get(TENANT, "stale").orElseThrow().status()).isEqualTo(AgentStatus.OFFLINE);
    }

    @Test
    void noAgentStateMeansATeamOnlyAndTierRaisesPriority() {
        RoutingDecision decision = router.route(new RouteRequest(TENANT, "api", "en", Priority.NORMAL,
                CustomerTier.ENTERPRISE, Duration.ZERO));
        assertThat(decision.team()).isEqualTo("technical");
        assertThat(decision.candidates()).isEmpty();
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.reasons()).anyMatch(reason -> reason.contains("no agent state known"));
    }

    @Test
    void badAgentUpdatesAreRejected() {
        assertThatThrownBy(() -> registry.put(TENANT, "bad id!", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2))
                .hasMessageContaining("agent id");
        assertThatThrownBy(() -> registry.put(TENANT, "a", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 0))
                .hasMessageContaining("capacity must be between 1 and 100");
        assertThatThrownBy(() -> registry.put(TENANT, "a", AgentStatus.ONLINE, Set.of("en"), Set.of(), -1, 2))
                .hasMessageContaining("openConversations must not be negative");
        assertThatThrownBy(() -> registry.put(TENANT, "a", AgentStatus.ONLINE, Set.of("english"), Set.of(), 0, 2))
                .hasMessageContaining("'english' is not an ISO 639-1 code");
        assertThatThrownBy(() -> registry.put(TENANT, "a", AgentStatus.ONLINE, Set.of("en"), Set.of("billing team"), 0, 2))
                .hasMessageContaining("'billing team' is not a team id or intent label");
    }

    @Test
    void agentsBelongToTheirTenant() {
        registry.put(TENANT, "ana", AgentStatus.ONLINE, Set.of("en"), Set.of("billing"), 0, 4);
        registry.put("other", "ana", AgentStatus.AWAY, Set.of("de"), Set.of("technical"), 0, 4);

        assertThat(registry.all("third")).isEmpty();
        assertThat(registry.get(TENANT, "ana").orElseThrow().status()).isEqualTo(AgentStatus.ONLINE);
        assertThat(router.route(new RouteRequest("third", "billing", "en", Priority.NORMAL, CustomerTier.STANDARD,
                Duration.ZERO)).candidates()).isEmpty();
        assertThat(registry.remove("third", "ana")).isFalse();
        assertThat(registry.remove("other", "ana")).isTrue();
        assertThat(registry.all(TENANT)).extracting(Agent::id).containsExactly("ana");
    }

    @Test
    void atTheLimitStaleAgentsAreForgottenBeforeARefusal() {
        AgentRegistry small = new AgentRegistry(clock, Duration.ofMinutes(15), 2);
        small.put(TENANT, "old", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2);
        clock.advance(Duration.ofMinutes(16));
        small.put(TENANT, "a", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2);
        small.put(TENANT, "b", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2);

        assertThat(small.all(TENANT)).extracting(Agent::id).containsExactly("a", "b");
        assertThatThrownBy(() -> small.put(TENANT, "c", AgentStatus.ONLINE, Set.of("en"), Set.of(), 0, 2))
                .hasMessageContaining("too many agents");
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
