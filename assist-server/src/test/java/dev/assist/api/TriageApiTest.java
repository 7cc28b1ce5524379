package dev.assist.api;

import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/triage}, and the triage that answers, streams and suggestions carry. */
class TriageApiTest {
    private static final String ANGRY_GERMAN = "Ich bin so wütend! Ich will mein Abo kündigen und mein Geld zurück, sofort!";

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

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(field == null ? item.asText() : item.get(field).asText()));
        return values;
    }

    private static JsonNode problem(TestServer.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:" + kind);
        return response.json();
    }

    @Test
    void anAngryGermanCancellationThreatIsGermanNegativeAndEscalated() {
        TestServer.Response response = server.post("/v1/triage", BOT, Map.of("text", ANGRY_GERMAN));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("language").get("code").asText()).isEqualTo("de");
        assertThat(body.get("language").get("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(body.get("intent").asText()).isIn("cancel", "refund");
        assertThat(body.get("intents")).hasSize(3);
        assertThat(texts(body.get("intents"), "label")).contains("cancel");
        assertThat(body.get("intents").get(0).get("score").asDouble())
                .isGreaterThanOrEqualTo(body.get("intents").get(1).get("score").asDouble());
        assertThat(body.get("sentiment").get("label").asText()).isEqualTo("negative");
        assertThat(body.get("sentiment").get("score").asDouble()).isNegative();
        assertThat(texts(body.get("signals"), null)).contains("cancellation_threat", "anger");
        assertThat(texts(body.get("evidence"), "evidence")).anyMatch(words -> words.contains("kündig"));
        assertThat(body.get("priority").asText()).isIn("high", "urgent");
        assertThat(body.has("routing")).as("routing is /v1/route's answer").isFalse();
    }

    @Test
    void aShortFollowUpTakesItsLanguageFromTheConversation() {
        TestServer.Response response = server.post("/v1/triage", AGENT, Map.of("messages", List.of(
                Map.of("role", "customer", "text", "Ich habe mein Passwort vergessen und der Link in der E-Mail funktioniert nicht."),
                Map.of("role", "agent", "text", "Ich schicke Ihnen einen neuen Link."),
                Map.of("role", "customer", "text", "ok")), "locale", "de-DE"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode language = response.json().get("language");
        assertThat(language.get("code").asText()).isEqualTo("de");
        assertThat(language.get("evidence").asText()).isEqualTo("context");
    }

    @Test
    void aHappyEnglishMessageIsPositiveWithoutSignals() {
        JsonNode body = server.post("/v1/triage", BOT, Map.of("text", "Thank you so much, the calendar sync works perfectly now!")).json();

        assertThat(body.get("language").get("code").asText()).isEqualTo("en");
        assertThat(body.get("sentiment").get("label").asText()).isEqualTo("positive");
        assertThat(body.get("signals")).isEmpty();
        assertThat(body.get("priority").asText()).isEqualTo("normal");
    }

    @Test
    void theAnswerCarriesTheConversationsTriageAndATeamButNoAgentsForABot() {
        TestServer.Response response = server.post("/v1/answer", BOT, Map.of(
                "question", "Wie kann ich mein Passwort zurücksetzen?",
                "history", List.of(Map.of("role", "customer", "text", "Ich komme nicht mehr in mein Konto."))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode triage = response.json().get("triage");
        assertThat(triage.get("language").get("code").asText()).isEqualTo("de");
        assertThat(triage.get("intent").asText()).isEqualTo("password_reset");
        assertThat(triage.get("sentiment").get("label").asText()).isIn("negative", "neutral", "positive");
        assertThat(triage.get("signals").isArray()).isTrue();
        assertThat(triage.get("priority").asText()).isEqualTo("normal");
        assertThat(triage.get("routing").get("team").asText()).isEqualTo("account");
        assertThat(triage.get("routing").get("candidates")).isEmpty();
    }

    @Test
    void theStreamsDoneEventCarriesTheTriage() {
        TestServer.Response response = server.post("/v1/answer/stream", BOT, Map.of("question", ANGRY_GERMAN));

        JsonNode done = ServerSentEvents.parse(response.body()).getLast().json();
        assertThat(done.get("triage").get("sentiment").get("label").asText()).isEqualTo("negative");
        assertThat(texts(done.get("triage").get("signals"), null)).contains("cancellation_threat");
        assertThat(done.get("triage").get("routing").get("team").asText()).isIn("retention", "billing");
    }

    @Test
    void suggestionsCarryTheTicketsTriageAndItsTierRaisesThePriority() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, Map.of("ticket", Map.of("subject", "Refund",
                "messages", List.of(Map.of("role", "customer", "text",
                        "I was charged EUR 290 for the annual plan yesterday but I want to cancel. Can I get a refund?"))),
                "customer_tier", "enterprise"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode triage = response.json().get("triage");
        assertThat(triage.get("intent").asText()).isIn("refund", "cancel");
        assertThat(triage.get("routing").get("team").asText()).isIn("billing", "retention");
        assertThat(triage.get("routing").get("priority").asText()).isIn("high", "urgent");
        assertThat(texts(triage.get("routing").get("reasons"), null)).anyMatch(reason -> reason.contains("enterprise"));
    }

    @Test
    void emptyTextIs400() {
        problem(server.post("/v1/triage", BOT, Map.of("text", "   ")), 400, "missing-text");
        problem(server.post("/v1/triage", BOT, Map.of("messages", List.of(Map.of("role", "customer", "text", "")))),
                400, "missing-text");
    }

    @Test
    void noTextAtAllIs400() {
        JsonNode body = problem(server.post("/v1/triage", BOT, Map.of("locale", "de")), 400, "missing-text");
        assertThat(body.get("detail").asText()).contains("text").contains("messages");
    }

    @Test
    void onlyAgentMessagesIs400() {
        JsonNode body = problem(server.post("/v1/triage", BOT, Map.of("messages", List.of(
                Map.of("role", "agent", "text", "How can I help?")))), 400, "missing-text");
        assertThat(body.get("detail").asText()).contains("customer");
    }

    @Test
    void textAndMessagesTogetherIs400() {
        problem(server.post("/v1/triage", BOT, Map.of("text", "hi there", "messages", List.of(
                Map.of("role", "customer", "text", "hello")))), 400, "invalid-field");
    }

    @Test
    void aHundredKilobyteTextIsOverTheBodyLimit() {
        String big = "My booking page is down and clients cannot book. ".repeat(2100).substring(0, 100 * 1024);

        JsonNode body = problem(server.post("/v1/triage", BOT, Map.of("text", big)), 413, "body-too-large");
        assertThat(body.get("detail").asText()).contains("limits.max_body_bytes");
    }

    @Test
    void unknownRoleIs400() {
        JsonNode body = problem(server.post("/v1/triage", BOT, Map.of("messages", List.of(
                Map.of("role", "customer", "text", "hello"), Map.of("role", "robot", "text", "beep")))), 400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("messages[1].role").contains("robot");
    }

    @Test
    void unknownLocaleAndUnknownFieldsAre400() {
        problem(server.post("/v1/triage", BOT, Map.of("text", "hello", "locale", "xx-YY")), 400, "unknown-locale");
        problem(server.post("/v1/triage", BOT, Map.of("text", "hello", "tier", "gold")), 400, "unknown-field");
    }

    @Test
    void unknownCustomerTierOnAnAnswerIs400() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "where are my invoices",
                "customer_tier", "gold")), 400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("customer_tier").contains("standard, premium or enterprise");
    }

    @Test
    void missingKeyIs401() {
        TestServer.Response response = server.post("/v1/triage", null, Map.of("text", "hello"));

        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
