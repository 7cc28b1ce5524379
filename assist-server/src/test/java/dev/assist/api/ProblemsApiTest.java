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

/** Every kind of bad request gets its own status and an RFC 9457 problem document that says what to fix. */
class ProblemsApiTest {
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

    private static JsonNode problem(TestServer.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("urn:assist:problem:" + kind);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.has("instance")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    @Test
    void malformedJsonIs400() {
        JsonNode body = problem(server.send("POST", "/v1/answer", BOT, "application/json", "{\"question\": \"hi"), 400, "malformed-json");
        assertThat(body.get("instance").asText()).isEqualTo("/v1/answer");
    }

    @Test
    void trailingGarbageAfterTheObjectIs400() {
        problem(server.send("POST", "/v1/answer", BOT, "application/json", "{\"question\": \"hi\"} {}"), 400, "malformed-json");
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        problem(server.send("POST", "/v1/answer", BOT, "application/json", "[1, 2]"), 400, "invalid-field");
        problem(server.send("POST", "/v1/answer", BOT, "application/json", "null"), 400, "malformed-json");
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "invoices", "questoin", "typo")), 400, "unknown-field");
        assertThat(body.get("detail").asText()).contains("'questoin'").contains("question");
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "invoices",
                "history", List.of(Map.of("role", "customer", "text", "hi", "mood", "angry")))), 400, "unknown-field");
        assertThat(body.get("detail").asText()).contains("history[0].mood");
    }

    @Test
    void fieldOfTheWrongTypeIs400() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", Map.of("text", "invoices"))), 400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("question").contains("string");
    }

    @Test
    void missingQuestionIs400() {
        problem(server.post("/v1/answer", BOT, Map.of("locale", "en")), 400, "missing-question");
    }

    @Test
    void emptyQuestionIs400() {
        problem(server.post("/v1/answer", BOT, Map.of("question", "   ")), 400, "missing-question");
    }

    @Test
    void emptyBodyIs400() {
        problem(server.send("POST", "/v1/answer", BOT, "application/json", ""), 400, "empty-body");
    }

    @Test
    void questionOverTheConfiguredLengthIs400() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "x".repeat(4001))), 400, "question-too-long");
        assertThat(body.get("detail").asText()).contains("4001").contains("4000");
    }

    @Test
    void bodyOverTheConfiguredSizeIs413() {
        String big = "{\"question\": \"" + "x".repeat(70_000) + "\"}";
        JsonNode body = problem(server.send("POST", "/v1/answer", BOT, "application/json", big), 413, "body-too-large");
        assertThat(body.get("detail").asText()).contains("65536");
    }

    @Test
    void tooManyHistoryTurnsIs400() {
        List<Map<String, String>> history = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            history.add(Map.of("role", i % 2 == 0 ? "customer" : "assistant", "text", "turn " + i));
        }
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "invoices", "history", history)), 400, "too-many-turns");
        assertThat(body.get("detail").asText()).contains("51").contains("50");
    }

    @Test
    void unknownRoleInHistoryIs400() {
        JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "invoices",
                "history", List.of(Map.of("role", "robot", "text", "beep")))), 400, "invalid-field");
        assertThat(body.get("detail").asText()).contains("history[0].role").contains("robot");
    }

    @Test
    void postWithoutJsonContentTypeIs415() {
        problem(server.send("POST", "/v1/answer", BOT, "text/plain", "{\"question\": \"invoices\"}"), 415, "unsupported-media-type");
        problem(server.send("POST", "/v1/answer", BOT, null, "{\"question\": \"invoices\"}"), 415, "unsupported-media-type");
        problem(server.send("POST", "/v1/search", BOT, "application/x-www-form-urlencoded", "query=invoices"), 415, "unsupported-media-type");
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        TestServer.Response response = server.send("POST", "/v1/search", BOT, "application/json; charset=utf-8", "{\"query\": \"invoices\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void unknownLocaleIs400() {
        for (String locale : List.of("xx", "english", "zz-ZZ", "e", "12")) {
            JsonNode body = problem(server.post("/v1/answer", BOT, Map.of("question", "invoices", "locale", locale)), 400, "unknown-locale");
            assertThat(body.get("detail").asText()).contains(locale);
        }
    }

    @Test
    void wellFormedLocalesOfRealLanguagesAreAccepted() {
        for (String locale : List.of("de", "de-AT", "de_AT", "pt-BR", "zh-Hant-TW", "EN")) {
            TestServer.Response response = server.post("/v1/search", BOT, Map.of("query", "invoices", "locale", locale));
            assertThat(response.status()).as(locale + " -> " + response).isEqualTo(200);
        }
    }

    @Test
    void missingKeyIs401WithBearerChallenge() {
        TestServer.Response response = server.post("/v1/answer", null, Map.of("question", "invoices"));
        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void wrongKeyIs401WithBearerChallenge() {
        TestServer.Response response = server.post("/v1/answer", "not-a-key", Map.of("question", "invoices"));
        problem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void otherAuthorizationSchemeIs401() {
        TestServer.Response response = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/answer"))
                .header("Authorization", "Basic " + BOT).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\": \"invoices\"}")));
        problem(response, 401, "unauthorized");
    }

    @Test
    void authIsCheckedBeforeTheBody() {
        problem(server.send("POST", "/v1/answer", null, "text/plain", "garbage"), 401, "unauthorized");
    }

    @Test
    void botKeyAskingForSuggestionsIs403() {
        JsonNode body = problem(server.post("/v1/suggestions", BOT,
                Map.of("ticket", Map.of("subject", "invoices"))), 403, "forbidden");
        assertThat(body.get("detail").asText()).contains("agent").contains("bot");
    }

    @Test
    void agentKeyManagingArticlesIs403() {
        problem(server.put("/v1/articles/new-article", AGENT, Map.of("title", "t", "body", "b", "locale", "en")), 403, "forbidden");
        problem(server.delete("/v1/articles/billing-download-invoices", AGENT), 403, "forbidden");
    }

    @Test
    void unknownRouteIs404() {
        problem(server.get("/v1/nothing-here"), 404, "not-found");
        problem(server.post("/v2/answer", BOT, Map.of("question", "invoices")), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        TestServer.Response response = server.get("/v1/answer");
        problem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("POST");
        problem(server.delete("/v1/search", BOT), 405, "method-not-allowed");
    }

    @Test
    void searchLimitOutOfRangeIs400() {
        problem(server.post("/v1/search", BOT, Map.of("query", "invoices", "limit", 0)), 400, "invalid-field");
        problem(server.post("/v1/search", BOT, Map.of("query", "invoices", "limit", 21)), 400, "invalid-field");
        problem(server.post("/v1/search", BOT, Map.of("query", "invoices", "limit", 2.5)), 400, "invalid-field");
    }

    @Test
    void deeplyNestedJsonIs400NotAStackOverflow() {
        String nested = "{\"question\": \"invoices\", \"history\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        problem(server.send("POST", "/v1/answer", BOT, "application/json", nested), 400, "invalid-field");
        String deepObject = "{\"question\": " + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000) + "}";
        TestServer.Response response = server.send("POST", "/v1/answer", BOT, "application/json", deepObject);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidUtf8IsRefusedNotCrashedOn() {
        TestServer.Response response = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/answer"))
                .header("Authorization", "Bearer " + BOT).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', '}'})));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
