package dev.assist.api;

import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.OTHER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsApiTest {
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

    private static Map<String, Object> ticket(String subject, String... customerMessages) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (String message : customerMessages) {
            messages.add(Map.of("role", "customer", "text", message));
        }
        return Map.of("ticket", Map.of("subject", subject, "messages", messages));
    }

    private static JsonNode draft(JsonNode body, String kind) {
        for (JsonNode draft : body.get("suggestions")) {
            if (draft.get("kind").asText().equals(kind)) {
                return draft;
            }
        }
        throw new AssertionError("no " + kind + " draft in " + body);
    }

    @Test
    void offersThreeDifferentGroundedDraftsForAnInvoiceTicket() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, ticket("Invoices",
                "Hello, my accountant needs the invoices of the last months. Where can I download them?"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("grounded").asBoolean()).isTrue();
        assertThat(body.get("language").asText()).isEqualTo("en");
        assertThat(body.get("suggestions")).hasSize(3);
        Set<String> texts = new HashSet<>();
        body.get("suggestions").forEach(d -> texts.add(d.get("text").asText()));
        assertThat(texts).hasSize(3);

        JsonNode concise = draft(body, "concise");
        JsonNode steps = draft(body, "step_by_step");
        JsonNode empathetic = draft(body, "empathetic");
        for (JsonNode draft : List.of(concise, steps, empathetic)) {
            assertThat(draft.get("text").asText()).startsWith("Hi,").contains("[1]");
            assertThat(ArticleIds.in(draft.get("citations"))).contains("billing-download-invoices");
        }
        assertThat(steps.get("text").asText()).contains("\n1. ").contains("\n2. ").contains("Download PDF");
        assertThat(empathetic.get("text").asText()).contains("sorry").contains("“Invoices”").contains("reply to this message");
        assertThat(concise.get("text").asText().length()).isLessThan(empathetic.get("text").asText().length());
        assertThat(ArticleIds.in(body.get("articles"))).first().isEqualTo("billing-download-invoices");
    }

    @Test
    void internalArticlesInformTheAgentButNeverTheDrafts() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, ticket("Refund",
                "I was charged EUR 290 for the annual plan yesterday but I want to cancel. Can I get a refund?"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        List<String> articles = ArticleIds.in(body.get("articles"));
        assertThat(articles).anyMatch(id -> id.startsWith("internal-"));
        assertThat(articles).anyMatch(id -> id.startsWith("refunds-"));
        assertThat(body.get("internal_notes")).isNotEmpty();
        assertThat(ArticleIds.in(body.get("internal_notes"))).allMatch(id -> id.startsWith("internal-"));
        assertThat(ArticleIds.in(body.get("suggestions"))).isNotEmpty().noneMatch(id -> id.startsWith("internal-"));
        body.get("articles").forEach(a -> assertThat(a.get("visibility").asText())
                .isEqualTo(a.get("article_id").asText().startsWith("internal-") ? "internal" : "public"));
    }

    @Test
    void draftsAreInTheCustomersLanguage() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, ticket("Rechnungen",
                "Hallo, wo kann ich meine Rechnungen als PDF herunterladen? Mein Steuerberater braucht sie."));

        JsonNode body = response.json();
        assertThat(body.get("language").asText()).isEqualTo("de");
        body.get("suggestions").forEach(d -> assertThat(d.get("text").asText()).startsWith("Hallo,"));
        assertThat(ArticleIds.in(body.get("articles"))).contains("billing-download-invoices");
    }

    @Test
    void earlierMessagesOfTheTicketAreHistory() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, Map.of("ticket", Map.of("messages", List.of(
                Map.of("role", "customer", "text", "My payment failed and my account is read-only now."),
                Map.of("role", "agent", "text", "Sorry to hear that, let me check."),
                Map.of("role", "customer", "text", "when will it retry?")))));

        JsonNode body = response.json();
        assertThat(body.get("query").asText()).startsWith("when will it retry?").containsIgnoringCase("payment");
        assertThat(ArticleIds.in(body.get("articles"))).contains("billing-failed-payment");
    }

    @Test
    void withNoPublicArticleTheDraftsOnlyAcknowledgeAndAsk() {
        TestServer.Response response = server.post("/v1/suggestions", OTHER_AGENT, ticket("Invoices",
                "Where can I download my invoices?"));

        JsonNode body = response.json();
        assertThat(body.get("grounded").asBoolean()).isFalse();
        assertThat(body.get("suggestions")).hasSize(3);
        body.get("suggestions").forEach(d -> assertThat(d.get("citations")).isEmpty());
        assertThat(draft(body, "step_by_step").get("text").asText()).contains("1. ");
    }

    @Test
    void ticketWithoutSubjectOrCustomerMessageIs400() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, Map.of("ticket", Map.of("messages",
                List.of(Map.of("role", "agent", "text", "Hello?")))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:missing-question");
    }

    @Test
    void missingTicketIs400() {
        TestServer.Response response = server.post("/v1/suggestions", AGENT, Map.of("locale", "en"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("ticket");
    }
}
