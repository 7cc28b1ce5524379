package dev.assist.api;

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

class SearchApiTest {
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
    void findsTheInvoiceArticleFirstWithASnippet() {
        TestServer.Response response = server.post("/v1/search", BOT, Map.of("query", "download invoices pdf"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        JsonNode top = body.get("results").get(0);
        assertThat(top.get("article_id").asText()).isEqualTo("billing-download-invoices");
        assertThat(top.get("title").asText()).isEqualTo("Find and download your invoices");
        assertThat(top.get("url").asText()).endsWith("/billing-download-invoices");
        assertThat(top.get("section").asText()).isEqualTo("Billing");
        assertThat(top.get("snippet").asText()).isNotBlank().hasSizeLessThanOrEqualTo(241);
        assertThat(top.get("text").asText()).containsIgnoringCase("invoice");
        assertThat(top.get("language").asText()).isEqualTo("en");
        assertThat(top.get("visibility").asText()).isEqualTo("public");
        assertThat(body.get("query").asText()).isEqualTo("download invoices pdf");
        assertThat(body.get("timings_ms").has("retrieve")).isTrue();
        assertThat(body.get("timings_ms").has("compose")).isFalse();
    }

    @Test
    void returnsOneResultPerArticleBestFirstFiveByDefault() {
        JsonNode results = server.post("/v1/search", BOT, Map.of("query", "payment failed card declined")).json().get("results");

        assertThat(results).hasSize(5);
        List<String> ids = ArticleIds.in(results);
        assertThat(ids).doesNotHaveDuplicates();
        List<Double> scores = new ArrayList<>();
        results.forEach(r -> scores.add(r.get("score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ids).contains("billing-failed-payment");
    }

    @Test
    void limitChoosesHowManyResults() {
        assertThat(server.post("/v1/search", BOT, Map.of("query", "invoices", "limit", 2)).json().get("results")).hasSize(2);
        JsonNode many = server.post("/v1/search", BOT, Map.of("query", "invoices", "limit", 12)).json().get("results");
        assertThat(many.size()).isGreaterThan(5).isLessThanOrEqualTo(12);
        assertThat(ArticleIds.in(many)).doesNotHaveDuplicates();
    }

    @Test
    void localeSearchesThatLanguageFirst() {
        JsonNode body = server.post("/v1/search", BOT, Map.of("query", "Rechnungen herunterladen", "locale", "de")).json();

        assertThat(body.get("language").asText()).isEqualTo("de");
        assertThat(body.get("results").get(0).get("article_id").asText()).isEqualTo("billing-download-invoices");
        assertThat(body.get("results").get(0).get("language").asText()).isEqualTo("de");
    }
}
