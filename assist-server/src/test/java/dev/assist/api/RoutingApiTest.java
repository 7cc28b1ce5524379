package dev.assist.api;

import static dev.assist.api.TestServer.ADMIN;
import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static dev.assist.api.TestServer.OTHER_ADMIN;
import static dev.assist.api.TestServer.OTHER_AGENT;
import static dev.assist.api.TestServer.OTHER_BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT/GET/DELETE /v1/agents} and {@code POST /v1/route}: agent state per tenant, and routing over it. */
class RoutingApiTest {
    private static final String GERMAN_CANCELLATION = "Ich möchte mein Abonnement kündigen. Das ist inakzeptabel, ich bin stinksauer!";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Lumora's desk: who speaks German, who does retention. */
    @BeforeEach
    void announceAgents() {
        for (JsonNode agent : list(ADMIN)) {
            server.delete("/v1/agents/" + agent.get("agent_id").asText(), ADMIN);
        }
        put("ana", ADMIN, "online", List.of("en"), List.of("billing"), 0, 4);
        put("dirk", ADMIN, "online", List.of("de", "en"), List.of("retention"), 1, 4);
        put("eva", ADMIN, "online", List.of("de"), List.of("billing"), 0, 4);
        put("fritz", ADMIN, "online", List.of("en"), List.of("retention"), 0, 4);
    }

    private static TestServer.Response put(String id, String key, String status, List<String> languages, List<String> skills,
                                           int open, int capacity) {
        TestServer.Response response = server.put("/v1/agents/" + id, key, Map.of("status", status, "languages", languages,
                "skills", skills, "open_conversations", open, "capacity", capacity));
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    private static List<JsonNode> list(String key) {
        TestServer.Response response = server.get("/v1/agents", key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> agents = new ArrayList<>();
        response.json().get("agents").forEach(agents::add);
        return agents;
    }

    private static List<String> agentIds(JsonNode candidates) {
        List<String> ids = new ArrayList<>();
        candidates.forEach(c -> ids.add(c.get("agent_id").asText()));
        return ids;
    }

    private static JsonNode problem(TestServer.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:" + kind);
        return response.json();
    }

    private static Map<String, Object> agentBody(Object status, Object languages, Object skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("languages", languages);
        body.put("skills", skills);
        body.put("capacity", 3);
        return body;
    }

    @Test
    void aGermanCancellationGoesToTheAgentWithGermanAndRetention() {
        TestServer.Response response = server.post("/v1/route", AGENT, Map.of("text", GERMAN_CANCELLATION));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("team").asText()).isEqualTo("retention");
        assertThat(body.get("priority").asText()).isIn("high", "urgent");
        assertThat(agentIds(body.get("candidates"))).containsExactly("dirk");
        JsonNode best = body.get("candidates").get(0);
        assertThat(best.get("score").asDouble()).isPositive();
        assertThat(best.get("reasons").toString()).contains("speaks de").contains("has skill retention").contains("load 1/4");
        assertThat(body.get("reasons").toString()).contains("intent cancel -> team retention");
    }

    @Test
    void aTriageComputedBeforeIsRoutedAsIs() {
        JsonNode triage = server.post("/v1/triage", AGENT, Map.of("text", "I was charged twice, I want a refund")).json();

        JsonNode body = server.post("/v1/route", ADMIN, Map.of("triage", triage, "customer_tier", "premium")).json();

        assertThat(body.get("team").asText()).isEqualTo("billing");
        assertThat(agentIds(body.get("candidates"))).containsExactly("ana");
        assertThat(body.get("reasons").toString()).contains("premium");
    }

    @Test
    void afterWaitingAnyoneWhoSpeaksTheLanguageWillDo() {
        Map<String, Object> triage = Map.of("intent", "cancel", "language", Map.of("code", "de"), "priority", "normal");

        JsonNode fresh = server.post("/v1/route", AGENT, Map.of("triage", triage)).json();
        JsonNode waited = server.post("/v1/route", AGENT, Map.of("triage", triage, "waited_seconds", 150)).json();

        assertThat(agentIds(fresh.get("candidates"))).containsExactly("dirk");
        assertThat(agentIds(waited.get("candidates"))).containsExactly("dirk", "eva");
    }

    @Test
    void agentsArePutListedAndDeleted() {
        TestServer.Response created = server.put("/v1/agents/gina", ADMIN, Map.of("status", "away", "languages", List.of("FR", "en"),
                "skills", List.of("Technical"), "capacity", 2));
        TestServer.Response replaced = put("gina", ADMIN, "online", List.of("fr"), List.of("technical"), 1, 2);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("languages").toString()).isEqualTo("[\"en\",\"fr\"]");
        assertThat(created.json().get("skills").toString()).isEqualTo("[\"technical\"]");
        assertThat(created.json().get("open_conversations").asInt()).isZero();
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode gina = list(AGENT).stream().filter(a -> a.get("agent_id").asText().equals("gina")).findFirst().orElseThrow();
        assertThat(gina.get("status").asText()).isEqualTo("online");
        assertThat(gina.get("updated_at").asText()).isNotBlank();
        assertThat(server.get("/v1/agents", AGENT).json().get("stale_after_seconds").asLong()).isEqualTo(15 * 60);

        assertThat(server.delete("/v1/agents/gina", ADMIN).status()).isEqualTo(204);
        assertThat(list(ADMIN)).extracting(a -> a.get("agent_id").asText()).containsExactly("ana", "dirk", "eva", "fritz");
    }

    @Test
    void anotherTenantNeverSeesNorRoutesToTheseAgents() {
        assertThat(list(OTHER_AGENT)).isEmpty();
        JsonNode routed = server.post("/v1/route", OTHER_AGENT, Map.of("text", GERMAN_CANCELLATION)).json();
        assertThat(routed.get("candidates")).isEmpty();
        assertThat(routed.get("reasons").toString()).contains("no agent state known");
        problem(server.delete("/v1/agents/dirk", OTHER_ADMIN), 404, "agent-not-found");

        put("dirk", OTHER_ADMIN, "online", List.of("en"), List.of("general"), 0, 1);

        assertThat(list(OTHER_ADMIN)).extracting(a -> a.get("languages").toString()).containsExactly("[\"en\"]");
        JsonNode lumorasDirk = list(ADMIN).stream().filter(a -> a.get("agent_id").asText().equals("dirk")).findFirst().orElseThrow();
        assertThat(lumorasDirk.get("languages").toString()).isEqualTo("[\"de\",\"en\"]");
        assertThat(server.delete("/v1/agents/dirk", OTHER_ADMIN).status()).isEqualTo(204);
        assertThat(list(ADMIN)).extracting(a -> a.get("agent_id").asText()).contains("dirk");
    }

    @Test
    void botKeysSeeTheTeamButNeverAnAgent() {
        TestServer.Response answer = server.post("/v1/answer", BOT, Map.of("question", GERMAN_CANCELLATION));
        TestServer.Response otherBot = server.post("/v1/answer", OTHER_BOT, Map.of("question", GERMAN_CANCELLATION));
        TestServer.Response agentAnswer = server.post("/v1/answer", AGENT, Map.of("question", GERMAN_CANCELLATION));

        JsonNode routing = answer.json().get("triage").get("routing");
        assertThat(routing.get("team").asText()).isEqualTo("retention");
        assertThat(routing.get("candidates")).isEmpty();
        assertThat(answer.body()).doesNotContain("agent_id").doesNotContain("dirk");
        assertThat(otherBot.body()).doesNotContain("dirk");
        assertThat(agentIds(agentAnswer.json().get("triage").get("routing").get("candidates"))).containsExactly("dirk");
    }

    @Test
    void unknownAgentStatusIs400() {
        JsonNode body = problem(server.put("/v1/agents/hans", ADMIN, agentBody("busy", List.of("de"), List.of())), 400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("status").contains("online, away or offline");
    }

    @Test
    void badLanguagesAre400() {
        JsonNode body = problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", List.of("german"), List.of())),
                400, "invalid-agent");
        assertThat(body.get("detail").asText()).contains("'german' is not an ISO 639-1 code");
        problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", List.of(), List.of())), 400, "missing-field");
        problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", "de", List.of())), 400, "invalid-field");
    }

    @Test
    void badSkillsAre400() {
        JsonNode body = problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", List.of("de"), List.of("billing team"))),
                400, "invalid-agent");
        assertThat(body.get("detail").asText()).contains("'billing team' is not a team id or intent label");
        problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", List.of("de"), List.of(""))), 400, "invalid-agent");
        problem(server.put("/v1/agents/hans", ADMIN, agentBody("online", List.of("de"), Map.of("team", "billing"))),
                400, "invalid-field");
        assertThat(list(ADMIN)).extracting(a -> a.get("agent_id").asText()).doesNotContain("hans");
    }

    @Test
    void capacityOutOfRangeAndBadAgentIdsAre400() {
        problem(server.put("/v1/agents/hans", ADMIN, Map.of("status", "online", "languages", List.of("de"), "capacity", 0)),
                400, "invalid-agent");
        problem(server.put("/v1/agents/hans", ADMIN, Map.of("status", "online", "languages", List.of("de"))), 400, "missing-field");
        problem(server.put("/v1/agents/h%20ns", ADMIN, agentBody("online", List.of("de"), List.of())), 400, "invalid-agent");
    }

    @Test
    void unknownCustomerTierIs400() {
        JsonNode body = problem(server.post("/v1/route", AGENT, Map.of("text", GERMAN_CANCELLATION, "customer_tier", "gold")),
                400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("customer_tier").contains("'gold'");
    }

    @Test
    void aRouteRequestNeedsOneConversationOrOneTriage() {
        problem(server.post("/v1/route", AGENT, Map.of("customer_tier", "premium")), 400, "missing-text");
        problem(server.post("/v1/route", AGENT, Map.of("text", "hello", "triage", Map.of("intent", "billing"))), 400, "invalid-field");
        problem(server.post("/v1/route", AGENT, Map.of("triage", Map.of("priority", "high"))), 400, "missing-field");
        problem(server.post("/v1/route", AGENT, Map.of("triage", Map.of("intent", "billing", "priority", "asap"))), 400, "invalid-field");
        problem(server.post("/v1/route", AGENT, Map.of("triage", Map.of("intent", "billing", "language", Map.of("code", "german")))),
                400, "unknown-locale");
        problem(server.post("/v1/route", AGENT, Map.of("text", "hello", "waited_seconds", -1)), 400, "invalid-field");
    }

    @Test
    void botKeysMayNotRouteNorManageAgents() {
        problem(server.post("/v1/route", BOT, Map.of("text", GERMAN_CANCELLATION)), 403, "forbidden");
        problem(server.put("/v1/agents/hans", BOT, agentBody("online", List.of("de"), List.of())), 403, "forbidden");
        problem(server.get("/v1/agents", BOT), 403, "forbidden");
        problem(server.put("/v1/agents/hans", AGENT, agentBody("online", List.of("de"), List.of())), 403, "forbidden");
        problem(server.delete("/v1/agents/dirk", AGENT), 403, "forbidden");
    }

    @Test
    void missingKeyIs401() {
        problem(server.get("/v1/agents"), 401, "unauthorized");
        problem(server.post("/v1/route", null, Map.of("text", "hello")), 401, "unauthorized");
        problem(server.delete("/v1/agents/dirk", null), 401, "unauthorized");
    }

    @Test
    void deletingAnUnknownAgentIs404() {
        JsonNode body = problem(server.delete("/v1/agents/nobody", ADMIN), 404, "agent-not-found");
        assertThat(body.get("detail").asText()).contains("nobody");
    }
}
