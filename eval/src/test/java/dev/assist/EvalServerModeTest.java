package dev.assist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code assist eval --server URL}: the API's wire format, spoken by a local double of the server. */
class EvalServerModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> searches = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/answer", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] problem = "{\"status\": 429, \"detail\": \"try again in 1 s\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            boolean refund = body.path("question").asText().contains("refund");
            String answer = refund ? """
                    {"answer_id": "a1", "answer": "Refunds take 5 to 10 business days. [1]",
                     "citations": [{"n": 1, "article_id": "refunds-policy", "title": "Refunds", "url": "", "snippet": "Refunds take 5 to 10 business days."}],
                     "confidence": 0.8, "handoff": {"recommended": false, "reason": null, "tried": []}, "language": "en",
                     "mode": "extractive", "query": "how long does a refund take", "timings_ms": {"language": 1.5, "retrieve": 4.0, "rerank": 2.0, "compose": 0.5}}"""
                    : """
                    {"answer_id": "a2", "answer": "", "citations": [], "confidence": 0.1,
                     "handoff": {"recommended": true, "reason": "low_confidence", "tried": []}, "language": "en",
                     "mode": "extractive", "query": "%s", "timings_ms": {"retrieve": 3.0}}""".formatted(body.path("question").asText());
            respond(exchange, answer);
        });
        server.createContext("/v1/search", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            searches.add(body);
            respond(exchange, """
                    {"query": "q", "language": "en", "results": [
                      {"article_id": "billing-invoices", "title": "Invoices", "text": "Download invoices.", "snippet": "Download invoices."},
                      {"article_id": "refunds-policy", "title": "Refunds", "text": "Refunds take 5 to 10 business days.", "snippet": "Refunds take 5 to 10 business days."}],
                     "timings_ms": {}}""");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void answersAndRankingComeFromTheApiAndAChannelWithoutAKeyFailsItsCases() throws IOException {
        Path golden = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "g1", "question": "how long does a refund take", "lang": "en", "channel": "bot", "answerable": true, "relevant_ids": ["refunds-policy"], "reference_answer": "Refunds take 5 to 10 business days.", "history": [], "split": "dev"}
                {"id": "g2", "question": "what is the CEO's phone number", "lang": "en", "channel": "bot", "answerable": false, "relevant_ids": [], "history": [{"role": "customer", "text": "hi"}], "split": "dev"}
                {"id": "g3", "question": "internal escalation runbook", "lang": "en", "channel": "agent", "answerable": true, "relevant_ids": ["runbook"], "history": [], "split": "dev"}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EvalCommand command = new EvalCommand(Map.of("ASSIST_EVAL_BOT_KEY", "bot-key"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Path report = dir.resolve("report");

        int status = new CommandLine(command).execute("--dataset", golden.toString(), "--server",
                "http://127.0.0.1:" + server.getAddress().getPort(), "--out", report.toString(), "--resamples", "200");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(authorizations).containsOnly("Bearer bot-key");
        assertThat(searches).extracting(s -> s.path("query").asText()).contains("how long does a refund take");
        assertThat(searches).allSatisfy(s -> assertThat(s.path("limit").asInt()).isEqualTo(20));
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/runs/0/failures").asInt()).isEqualTo(1);
        assertThat(json.at("/runs/0/metrics/mrr@10/value").asDouble()).isEqualTo(0.25); // g1: rank 2 -> 0.5; g3 failed -> 0
        assertThat(json.at("/runs/0/metrics/handoff_recall/value").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/runs/0/metrics/groundedness/value").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/runs/0/metrics/citation_precision/value").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/runs/0/stage_latency_ms/retrieve/p50").asDouble()).isGreaterThanOrEqualTo(3.0);
        assertThat(json.at("/environment/mode").asText()).startsWith("server http://127.0.0.1:");
        List<String> rows = Files.readAllLines(report.resolve("rows.jsonl"));
        assertThat(rows.get(2)).contains("ASSIST_EVAL_AGENT_KEY");
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterRetryAfter() throws IOException {
        Path golden = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "g1", "question": "how long does a refund take", "lang": "en", "channel": "bot", "answerable": true, "relevant_ids": ["refunds-policy"], "reference_answer": "Refunds take 5 to 10 business days.", "history": [], "split": "dev"}
                """);
        rateLimited.set(2); // the warm-up request and then the row
        EvalCommand command = new EvalCommand(Map.of("ASSIST_EVAL_BOT_KEY", "bot-key"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        Path report = dir.resolve("report");

        int status = new CommandLine(command).execute("--dataset", golden.toString(), "--server",
                "http://127.0.0.1:" + server.getAddress().getPort(), "--out", report.toString(), "--resamples", "200");

        assertThat(status).isZero();
        assertThat(rateLimited.get()).isZero(); // both 429s were served, and still nothing failed
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/runs/0/failures").asInt()).isZero();
        assertThat(json.at("/runs/0/metrics/mrr@10/value").asDouble()).isEqualTo(0.5);
    }
}
