package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerApiTest {
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

    @Test
    void answersFromTheInvoiceArticleWithCitations() {
        TestServer.Response response = server.post("/v1/answer", BOT, Map.of("question", "how do I download my invoices"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("answer_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("answer").asText()).isNotBlank().contains("[1]");
        assertThat(body.get("citations").get(0).get("article_id").asText()).isEqualTo("billing-download-invoices");
        assertThat(body.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(body.get("citations").get(0).get("url").asText()).endsWith("/billing-download-invoices");
        assertThat(body.get("citations").get(0).get("snippet").asText()).isNotBlank();
        assertThat(body.get("handoff").get("recommended").asBoolean()).isFalse();
        assertThat(body.get("handoff").get("reason").isNull()).isTrue();
        assertThat(body.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(body.get("language").asText()).isEqualTo("en");
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(body.get("query").asText()).isEqualTo("how do I download my invoices");
        assertThat(body.get("timings_ms").has("retrieve")).isTrue();
    }

    @Test
    void followUpQuestionIsRewrittenWithTheHistory() {
        TestServer.Response response = server.post("/v1/answer", BOT, Map.of(
                "question", "what about by email?",
                "history", List.of(
                        Map.of("role", "customer", "text", "where do I find my invoices"),
                        Map.of("role", "assistant", "text", "Go to Settings > Billing > Invoices. [1]"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("query").asText()).startsWith("what about by email?").containsIgnoringCase("invoices");
        assertThat(response.articleIds()).contains("billing-download-invoices");
    }

    @Test
    void answersInTheLanguageOfTheQuestion() {
        TestServer.Response response = server.post("/v1/answer", BOT,
                Map.of("question", "Wie kann ich meine Rechnungen herunterladen?"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("language").asText()).isEqualTo("de");
        assertThat(response.articleIds()).contains("billing-download-invoices");
    }

    @Test
    void localeOfTheRequestWinsOverDetection() {
        TestServer.Response response = server.post("/v1/answer", BOT,
                Map.of("question", "how do I download my invoices", "locale", "fr-CA"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("language").asText()).isEqualTo("fr");
    }

    @Test
    void handsOffWhenNoArticleAnswers() {
        TestServer.Response response = server.post("/v1/answer", BOT,
                Map.of("question", "what was the score of the football match between Ajax and PSV last night"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("handoff").get("recommended").asBoolean()).isTrue();
        assertThat(body.get("handoff").get("reason").asText()).isIn("no_results", "low_confidence");
        assertThat(body.get("answer").asText()).isEmpty();
        assertThat(body.get("citations")).isEmpty();
    }

    @Test
    void oddQuestionsAreAnsweredNotCrashedOn() {
        for (String question : List.of("???", "*", "AND OR NOT", "\"", "🙂🙂🙂", "x".repeat(3000), "<script>alert(1)</script>",
                "\u0000\u0001 control", "invoice ".repeat(400).strip())) {
            TestServer.Response response = server.post("/v1/answer", BOT, Map.of("question", question));
            assertThat(response.status()).as(question + " -> " + response).isEqualTo(200);
        }
    }
}
