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

class AnswerStreamApiTest {
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
    void streamsMetaThenTheAnswerSentenceBySentenceThenDone() {
        TestServer.Response response = server.post("/v1/answer/stream", BOT, Map.of("question", "how do I download my invoices"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        assertThat(response.header("Cache-Control")).contains("no-cache");
        List<ServerSentEvents.Event> events = ServerSentEvents.parse(response.body());
        assertThat(events).extracting(ServerSentEvents.Event::name).first().isEqualTo("meta");
        assertThat(events).extracting(ServerSentEvents.Event::name).last().isEqualTo("done");
        assertThat(events).extracting(ServerSentEvents.Event::name).containsOnly("meta", "delta", "done");

        JsonNode meta = events.getFirst().json();
        JsonNode done = events.getLast().json();
        assertThat(meta.get("answer_id").asText()).isEqualTo(done.get("answer_id").asText());
        assertThat(meta.get("language").asText()).isEqualTo("en");
        assertThat(ArticleIds.in(meta.get("citations"))).contains("billing-download-invoices");
        assertThat(done.get("citations")).isEqualTo(meta.get("citations"));

        List<String> deltas = events.stream().filter(e -> e.name().equals("delta")).map(e -> e.json().get("text").asText()).toList();
        assertThat(deltas).isNotEmpty();
        assertThat(String.join("", deltas)).isEqualTo(done.get("answer").asText());
        assertThat(deltas).allSatisfy(piece -> assertThat(piece.strip()).matches("(?s).+\\[\\d+]"));
    }

    @Test
    void doneCarriesTheWholeAnswerResponse() {
        TestServer.Response response = server.post("/v1/answer/stream", BOT, Map.of("question", "how do I reset my password"));

        JsonNode done = ServerSentEvents.parse(response.body()).getLast().json();
        assertThat(done.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "answer_id", "answer", "citations", "confidence", "handoff", "language", "mode", "query", "timings_ms",
                "triage");
        assertThat(ArticleIds.in(done.get("citations"))).contains("account-reset-password");
        assertThat(done.get("triage").get("intent").asText()).isEqualTo("password_reset");
        assertThat(done.get("triage").get("routing").get("team").asText()).isEqualTo("account");
    }

    @Test
    void handOffStreamsNoTextOnlyMetaAndDone() {
        TestServer.Response response = server.post("/v1/answer/stream", BOT,
                Map.of("question", "what was the score of the football match between Ajax and PSV last night"));

        List<ServerSentEvents.Event> events = ServerSentEvents.parse(response.body());
        assertThat(events).extracting(ServerSentEvents.Event::name).containsExactly("meta", "done");
        assertThat(events.getLast().json().get("handoff").get("recommended").asBoolean()).isTrue();
    }

    @Test
    void refusedRequestIsAProblemResponseNotAStream() {
        TestServer.Response response = server.post("/v1/answer/stream", BOT, Map.of("question", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:missing-question");
    }

    @Test
    void streamNeedsAKeyLikeTheAnswer() {
        TestServer.Response response = server.post("/v1/answer/stream", null, Map.of("question", "invoices"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
