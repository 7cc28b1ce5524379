package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
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

/** The public operational routes, and the OpenAPI document checked against the running server. */
class OpsApiTest {
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
    void healthzAndReadyzAreUpWithoutAKey() {
        TestServer.Response health = server.get("/healthz");
        TestServer.Response ready = server.get("/readyz");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("up");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void metricsHaveRouteHistogramsAndStageTimers() {
        server.post("/v1/answer", BOT, Map.of("question", "how do I download my invoices"));
        server.post("/v1/search", BOT, Map.of("query", "invoices"));
        server.post("/v1/answer", BOT, Map.of("question", ""));
        server.get("/v1/unknown/route/12345");

        TestServer.Response metrics = server.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text).contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/answer\",status=\"200\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/answer\",status=\"400\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/search\",status=\"200\"} [1-9]")
                .doesNotContain("/v1/unknown/route/12345");
        for (String stage : List.of("language", "rewrite", "retrieve", "rerank", "compose")) {
            assertThat(text).containsPattern("assist_pipeline_stage_seconds_bucket\\{[^}]*stage=\"" + stage + "\"[^}]*} [1-9]")
                    .containsPattern("assist_pipeline_stage_seconds_count\\{stage=\"" + stage + "\"} [1-9]");
        }
        assertThat(text).contains("assist_ready 1.0").contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsCoverTheTriageRoutingAndAgentRoutes() {
        server.post("/v1/triage", BOT, Map.of("text", "Where can I download my invoices?"));
        server.post("/v1/triage", BOT, Map.of("text", ""));
        server.put("/v1/agents/metrics-probe", TestServer.ADMIN, Map.of("status", "online", "languages", List.of("en"), "capacity", 2));
        server.get("/v1/agents", TestServer.AGENT);
        server.post("/v1/route", TestServer.AGENT, Map.of("text", "I want a refund"));
        server.delete("/v1/agents/metrics-probe", TestServer.ADMIN);

        String text = server.get("/metrics").body();

        assertThat(text)
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/triage\",status=\"200\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/triage\",status=\"400\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"POST\",route=\"/v1/route\",status=\"200\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/v1/agents\",status=\"200\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"PUT\",route=\"/v1/agents/\\{id}\",status=\"201\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{method=\"DELETE\",route=\"/v1/agents/\\{id}\",status=\"204\"} [1-9]")
                .doesNotContain("metrics-probe");
    }

    @Test
    void openApiDocumentIsValidJsonOfVersion31() {
        TestServer.Response response = server.get("/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void everyDocumentedOperationIsServed() {
        JsonNode paths = server.get("/openapi.json").json().get("paths");
        List<String> checked = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            if (method.equals("PARAMETERS")) {
                return;
            }
            String concrete = path.getKey().replace("{id}", "openapi-probe");
            TestServer.Response response = server.send(method, concrete, null,
                    method.equals("GET") || method.equals("DELETE") ? null : "application/json",
                    method.equals("GET") || method.equals("DELETE") ? null : "{}");
            assertThat(response.status()).as(method + " " + concrete + " -> " + response).isNotIn(404, 405);
            checked.add(method + " " + path.getKey());
        }));
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyServedRouteIsDocumented() {
        JsonNode paths = server.get("/openapi.json").json().get("paths");
        Set<String> documented = new HashSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) {
                documented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));

        assertThat(server.assist().routes()).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.assist().routes());
    }

    @Test
    void documentedSchemasMatchWhatTheAnswerRouteReturns() {
        JsonNode schema = server.get("/openapi.json").json().get("components").get("schemas").get("AnswerResponse");
        JsonNode answer = server.post("/v1/answer", BOT, Map.of("question", "how do I download my invoices")).json();

        List<String> required = new ArrayList<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        List<String> fields = new ArrayList<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(required);
    }
}
