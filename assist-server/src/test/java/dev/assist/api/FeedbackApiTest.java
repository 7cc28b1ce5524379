package dev.assist.api;

import static dev.assist.api.TestServer.ADMIN;
import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static dev.assist.api.TestServer.OTHER_BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.Assist;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/feedback}: verdicts on real answers land in the feedback file, one line each; bad ones are refused. */
class FeedbackApiTest {
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

    private static List<JsonNode> stored() throws IOException {
        Path file = server.assist().feedbackFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(TestServer.JSON.readTree(line));
        }
        return lines;
    }

    private static List<JsonNode> storedFor(String answerId) throws IOException {
        return stored().stream().filter(line -> line.get("answer_id").asText().equals(answerId)).toList();
    }

    private static void problem(TestServer.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:" + kind);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void theFeedbackFileIsNextToTheIndexByDefault() {
        assertThat(server.assist().feedbackFile()).isEqualTo(dir.resolve("feedback.jsonl").toAbsolutePath());
    }

    @Test
    void thumbsUpOnARealAnswerIsStoredAsOneLineWithTenantTimeAndRating() throws IOException {
        String answerId = server.post("/v1/answer", BOT, Map.of("question", "How do I download my invoices?"))
                .json().get("answer_id").asText();
        Instant before = Instant.now().minusSeconds(1);

        TestServer.Response response = server.post("/v1/feedback", BOT, Map.of("answer_id", answerId, "rating", "up"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("answer_id").asText()).isEqualTo(answerId);
        assertThat(response.json().get("rating").asText()).isEqualTo("up");
        List<JsonNode> lines = storedFor(answerId);
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.get("tenant").asText()).isEqualTo("lumora");
        assertThat(line.get("channel").asText()).isEqualTo("bot");
        assertThat(line.get("rating").asText()).isEqualTo("up");
        assertThat(Instant.parse(line.get("time").asText())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(line.get("time").asText()).isEqualTo(response.json().get("recorded_at").asText());
    }

    @Test
    void agentsMayRateWithACommentAndTheTenantIsTheKeys() throws IOException {
        server.post("/v1/feedback", AGENT, Map.of("answer_id", "agent-rated-1", "rating", "down",
                "comment", "Missing the refund limit.\nSecond line"));
        server.post("/v1/feedback", OTHER_BOT, Map.of("answer_id", "other-tenant-1", "rating", "up"));

        JsonNode agent = storedFor("agent-rated-1").getFirst();
        assertThat(agent.get("channel").asText()).isEqualTo("agent");
        assertThat(agent.get("rating").asText()).isEqualTo("down");
        assertThat(agent.get("comment").asText()).isEqualTo("Missing the refund limit.\nSecond line");
        assertThat(storedFor("other-tenant-1").getFirst().get("tenant").asText()).isEqualTo("other");
    }

    @Test
    void adminKeysAndMissingKeysAreRefused() throws IOException {
        problem(server.post("/v1/feedback", ADMIN, Map.of("answer_id", "admin-1", "rating", "up")), 403, "forbidden");
        problem(server.post("/v1/feedback", null, Map.of("answer_id", "anon-1", "rating", "up")), 401, "unauthorized");
        problem(server.post("/v1/feedback", "not-a-key", Map.of("answer_id", "anon-2", "rating", "up")), 401, "unauthorized");

        assertThat(storedFor("admin-1")).isEmpty();
        assertThat(storedFor("anon-1")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() throws IOException {
        int before = stored().size();
        Map<String, Object> nullRating = new HashMap<>();
        nullRating.put("answer_id", "x-1");
        nullRating.put("rating", null);

        problem(server.post("/v1/feedback", BOT, Map.of("rating", "up")), 400, "missing-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "  ", "rating", "up")), 400, "missing-field");
        problem(server.post("/v1/feedback", BOT, nullRating), 400, "missing-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "x-1", "rating", "meh")), 400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "x-1", "rating", "UP")), 400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "x-1", "rating", 5)), 400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "has spaces", "rating", "up")), 400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "a".repeat(129), "rating", "up")), 400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "x-1", "rating", "up", "comment", "c".repeat(4001))),
                400, "invalid-field");
        problem(server.post("/v1/feedback", BOT, Map.of("answer_id", "x-1", "rating", "up", "stars", 5)), 400, "unknown-field");
        problem(server.send("POST", "/v1/feedback", BOT, "application/json", "{\"answer_id\": \"x-1\""), 400, "malformed-json");
        problem(server.send("POST", "/v1/feedback", BOT, "application/json", ""), 400, "empty-body");
        problem(server.send("POST", "/v1/feedback", BOT, "text/plain", "up"), 415, "unsupported-media-type");
        problem(server.send("GET", "/v1/feedback", BOT, null, null), 405, "method-not-allowed");

        assertThat(stored()).hasSize(before);
    }

    @Test
    void feedbackIsRecordedEvenWhenTheIndexCannotBeOpened(@TempDir Path other) throws Exception {
        Assist broken = new Assist(TestServer.config().withIndex(other.resolve("index").toString()), SharedEmbedder.get(),
                model -> {
                    throw new IOException("no index here");
                }, false).start();
        try {
            broken.ready().handle((ok, failure) -> null).get(1, TimeUnit.MINUTES);
            TestServer down = TestServer.around(broken);

            problem(down.post("/v1/answer", BOT, Map.of("question", "invoices")), 503, "not-ready");
            TestServer.Response response = down.post("/v1/feedback", BOT, Map.of("answer_id", "while-down", "rating", "down"));

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(Files.readString(other.resolve("feedback.jsonl"))).contains("\"answer_id\":\"while-down\"");
        } finally {
            broken.stop();
        }
    }
}
