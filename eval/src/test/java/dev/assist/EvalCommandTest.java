package dev.assist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code assist eval} end to end: real datasets on disk, the real model and index, every report file. */
class EvalCommandTest {
    private static final Path REPO = Path.of(System.getProperty("assist.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path CONFIGS = REPO.resolve("eval/configs");
    /** Kept between test runs (under target/), so the golden corpus is indexed once per clean build. */
    private static final Path CACHE = REPO.resolve("eval/target/eval-cache");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int eval(String... args) {
        EvalCommand command = new EvalCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    @Test
    void retrievalSetAgainstTheLangChain4jBaselineWritesEveryReportAndCountsBadLines() throws IOException {
        Path set = tinyRetrievalSet();
        Path report = dir.resolve("report");

        int status = eval("--dataset", set.toString(), "--config", CONFIGS.resolve("default.yaml").toString(),
                "--vs", CONFIGS.resolve("langchain4j-naive.yaml").toString(), "--out", report.toString(),
                "--work", dir.resolve("cache").toString(), "--resamples", "200", "--gate", "recall@10>=0.5");

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stderr).isEqualTo(1); // one malformed line
        assertThat(stderr).contains("malformed: " + set.resolve("queries.jsonl") + ":7: invalid JSON");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("eval tiny_help: 7 cases", "langchain4j-naive vs default", "gate default recall@10>=0.5: OK");

        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/dataset/malformed_lines").asInt()).isEqualTo(1);
        assertThat(json.at("/dataset/cases").asInt()).isEqualTo(7);
        assertThat(json.at("/runs/0/name").asText()).isEqualTo("default");
        assertThat(json.at("/runs/1/name").asText()).isEqualTo("langchain4j-naive");
        assertThat(json.at("/runs/0/metrics/recall@10/value").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(json.at("/runs/0/metrics/recall@10/n").asInt()).isEqualTo(6);
        assertThat(json.at("/runs/0/metrics/handoff_f1/n").asInt()).isEqualTo(7);
        assertThat(json.at("/runs/0/breakdowns/language").has("de")).isTrue();
        assertThat(json.at("/runs/0/breakdowns/domain").has("billing")).isTrue();
        assertThat(json.at("/runs/0/stage_latency_ms/total/p50").asDouble()).isPositive();
        assertThat(json.at("/comparisons/0/metrics").findValuesAsText("metric")).contains("ndcg@10", "latency_p50_ms");
        assertThat(Files.readAllLines(report.resolve("rows.jsonl"))).hasSize(14)
                .allSatisfy(line -> assertThat(JSON.readTree(line).has("metrics")).isTrue());
        assertThat(Files.readString(report.resolve("report.md"))).contains("## A/B: langchain4j-naive vs default", "| ndcg@10 |");
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg", "Recall@k");
    }

    @Test
    void goldenSetWithALimitAndAFailingGateExitsNonZero() throws IOException {
        Path report = dir.resolve("golden");
        int status = eval("--dataset", REPO.resolve("eval/datasets/samples-golden.jsonl").toString(),
                "--corpus", REPO.resolve("knowledge-samples").toString(), "--limit", "6", "--out", report.toString(),
                "--work", CACHE.toString(), "--resamples", "200", "--gate", "ndcg@10>=0.2,handoff_f1>=1.01");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("gate default ndcg@10>=0.2: OK", "gate default handoff_f1>=1.01: FAIL");
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/dataset/cases").asInt()).isEqualTo(6);
        assertThat(json.at("/dataset/cases_in_dataset").asInt()).isEqualTo(303);
        assertThat(json.at("/runs/0/metrics/ndcg@10/value").asDouble()).isGreaterThan(0.2);
        assertThat(json.at("/runs/0/breakdowns/channel").size()).isPositive();
        assertThat(json.at("/gates/1/status").asText()).isEqualTo("FAIL");
    }

    @Test
    void usageAndUnusableInputHaveTheirOwnExitCodes() throws IOException {
        assertThat(eval()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dataset PATH is required");
        assertThat(eval("--dataset", "x.jsonl", "--gate", "bleu>=1")).isEqualTo(2);
        assertThat(eval("--dataset", dir.resolve("missing.jsonl").toString())).isEqualTo(3);
        Path badConfig = Files.writeString(dir.resolve("bad.yaml"), "retrieval:\n  retriever: hybrid\n  fuson: rrf\n");
        assertThat(eval("--dataset", tinyRetrievalSet().toString(), "--config", badConfig.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml").contains("fuson");
    }

    /** Six answerable questions over eight help articles in two languages, one turn for a human, one broken line. */
    private Path tinyRetrievalSet() throws IOException {
        Path set = dir.resolve("tiny_help");
        Files.createDirectories(set);
        Files.writeString(set.resolve("corpus.jsonl"), """
                {"id": "refund", "title": "Refund policy", "text": "Refunds are paid back to the original card within 5 to 10 business days after we approve them.", "lang": "en", "domain": "billing"}
                {"id": "invoice", "title": "Download invoices", "text": "Open Billing and choose Invoices to download every invoice as a PDF file.", "lang": "en", "domain": "billing"}
                {"id": "password", "title": "Reset your password", "text": "On the sign-in page click Forgot password and follow the link we email you. The link works for 60 minutes.", "lang": "en", "domain": "account"}
                {"id": "twofactor", "title": "Two-factor authentication", "text": "Turn on two-factor authentication under Settings, Security, with an authenticator app or SMS codes.", "lang": "en", "domain": "account"}
                {"id": "cancel", "title": "Cancel your subscription", "text": "Cancel any time under Billing, Plan. The plan stays active until the end of the paid period.", "lang": "en", "domain": "billing"}
                {"id": "export", "title": "Export bookings", "text": "Export all bookings as a CSV file from Reports, Export. Large exports arrive by email.", "lang": "en", "domain": "data"}
                {"id": "de-refund", "title": "Rückerstattung", "text": "Rückerstattungen gehen innerhalb von 5 bis 10 Werktagen auf die ursprüngliche Karte zurück.", "lang": "de", "domain": "billing"}
                {"id": "de-password", "title": "Passwort zurücksetzen", "text": "Klicken Sie auf der Anmeldeseite auf Passwort vergessen und folgen Sie dem Link in der E-Mail.", "lang": "de", "domain": "account"}
                """);
        Files.writeString(set.resolve("queries.jsonl"), """
                {"id": "q1", "text": "How long does a refund take to reach my card?", "lang": "en"}
                {"id": "q2", "text": "I forgot my password, how do I reset it?", "lang": "en"}
                {"id": "q3", "text": "Where can I download an invoice as PDF?", "lang": "en"}
                {"id": "q4", "text": "Wie lange dauert eine Rückerstattung?", "lang": "de"}
                {"id": "q5", "text": "Ich habe mein Passwort vergessen", "lang": "de"}
                {"id": "q6", "text": "How do I export my bookings to CSV?", "lang": "en"}
                {"id": "q7", "text": "broken
                """);
        Files.writeString(set.resolve("qrels.jsonl"), """
                {"query_id": "q1", "doc_id": "refund", "relevance": 1}
                {"query_id": "q2", "doc_id": "password", "relevance": 1}
                {"query_id": "q3", "doc_id": "invoice", "relevance": 1}
                {"query_id": "q4", "doc_id": "de-refund", "relevance": 1}
                {"query_id": "q5", "doc_id": "de-password", "relevance": 1}
                {"query_id": "q6", "doc_id": "export", "relevance": 1}
                """);
        Files.writeString(set.resolve("answers.jsonl"), """
                {"query_id": "q1", "answer": "Refunds reach the original card within 5 to 10 business days."}
                {"query_id": "q2", "answer": "Click Forgot password on the sign-in page and follow the emailed link."}
                """);
        Files.writeString(set.resolve("detection.jsonl"), """
                {"id": "q1", "text": "How long does a refund take to reach my card?", "context": [], "label": "knowledge_seeking"}
                {"id": "t9", "text": "Great, book me a table for two at seven please", "context": [], "label": "other"}
                """);
        return set;
    }
}
