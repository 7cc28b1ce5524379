package dev.assist.api;

import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static dev.assist.api.TestServer.OTHER_AGENT;
import static dev.assist.api.TestServer.OTHER_BOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenancy and visibility through every route: a bot key never receives an internal article, a
 * key never receives another tenant's article, whatever it asks. Every {@code article_id} of
 * every response (and every stream event) is checked, and internal facts must not appear in text.
 */
class IsolationApiTest {
    /** Questions that internal articles answer best. */
    static final List<String> INTERNAL_QUESTIONS = List.of(
            "what is the refund limit for tier 1 agents",
            "INC-2291 sms delay germany",
            "how do I handle a chargeback dispute from a customer's bank",
            "how much goodwill credit can I give without approval",
            "a customer threatens legal action, who do I escalate to",
            "macro for resetting two-factor authentication after identity verification");
    /** Phrases only internal articles contain (and no question above). */
    static final List<String> INTERNAL_FACTS = List.of("Tier 2", "Support Lead", "{{", "refund-approval", "Goodwill credit");

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

    /** The responses of every read route for one question, stream events flattened into one JSON array. */
    private static List<TestServer.Response> everyRoute(String key, String question) {
        List<TestServer.Response> responses = new ArrayList<>();
        responses.add(server.post("/v1/answer", key, Map.of("question", question)));
        responses.add(server.post("/v1/search", key, Map.of("query", question, "limit", 20)));
        responses.add(server.post("/v1/suggestions", key, Map.of("ticket", Map.of("subject", question,
                "messages", List.of(Map.of("role", "customer", "text", question))))));
        TestServer.Response stream = server.post("/v1/answer/stream", key, Map.of("question", question));
        List<String> data = ServerSentEvents.parse(stream.body()).stream().map(ServerSentEvents.Event::data).toList();
        responses.add(new TestServer.Response(stream.status(), stream.headers(), "[" + String.join(",", data) + "]"));
        return responses;
    }

    @Test
    void botKeyNeverReceivesAnInternalArticleThroughAnyRoute() {
        for (String question : INTERNAL_QUESTIONS) {
            for (TestServer.Response response : everyRoute(BOT, question)) {
                assertThat(response.status()).as(question).isIn(200, 403);
                assertThat(response.articleIds()).as(question + " -> " + response).noneMatch(id -> id.startsWith("internal-"));
                assertThat(response.body()).as(question).doesNotContain(INTERNAL_FACTS);
            }
        }
    }

    @Test
    void botKeyMayNotAskForSuggestionsAtAll() {
        TestServer.Response response = everyRoute(BOT, INTERNAL_QUESTIONS.getFirst()).get(2);
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void agentKeyOfTheSameTenantSeesInternalArticles() {
        TestServer.Response search = server.post("/v1/search", AGENT, Map.of("query", "what is the refund limit for tier 1 agents"));
        assertThat(search.articleIds()).contains("internal-refund-limits");

        TestServer.Response answer = server.post("/v1/answer", AGENT, Map.of("question", "INC-2291 sms delay germany"));
        assertThat(answer.articleIds()).contains("internal-incident-sms-delays-de");

        TestServer.Response suggestions = server.post("/v1/suggestions", AGENT, Map.of("ticket", Map.of(
                "subject", "SMS reminders late", "messages", List.of(Map.of("role", "customer",
                        "text", "Our SMS reminders to clients in Germany arrive hours late since yesterday.")))));
        assertThat(ArticleIds.in(suggestions.json().get("articles"))).contains("internal-incident-sms-delays-de");
    }

    @Test
    void otherTenantsAgentNeverSeesLumorasPublicArticles() {
        for (String question : List.of("how do I download my invoices", "reset my password", "what does the Team plan cost",
                INTERNAL_QUESTIONS.getFirst())) {
            for (TestServer.Response response : everyRoute(OTHER_AGENT, question)) {
                assertThat(response.status()).as(question).isEqualTo(200);
                // tenant "other" holds only copies of the internal articles
                assertThat(response.articleIds()).as(question + " -> " + response).allMatch(id -> id.startsWith("internal-"));
            }
        }
    }

    @Test
    void otherTenantsBotSeesNothingAtAll() {
        for (String question : List.of("how do I download my invoices", INTERNAL_QUESTIONS.getFirst())) {
            for (TestServer.Response response : everyRoute(OTHER_BOT, question)) {
                assertThat(response.articleIds()).as(question + " -> " + response).isEmpty();
            }
        }
        TestServer.Response answer = server.post("/v1/answer", OTHER_BOT, Map.of("question", "how do I download my invoices"));
        assertThat(answer.json().get("handoff").get("reason").asText()).isEqualTo("no_results");
    }
}
