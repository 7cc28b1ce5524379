package dev.assist.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.auth.ApiKeys;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.feedback.FeedbackLog;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static pages are served at {@code /} next to the API, without a key; the API keeps its own errors. */
class PagesTest {
    @TempDir
    Path dir;

    @Test
    void servesThePagesFolderAtTheRoot() throws Exception {
        HttpApi api = new HttpApi(ApiKeys.fromConfig(List.of()), ConfigLoader.defaults(Map.of()).limits(), new Readiness(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new FeedbackLog(dir.resolve("feedback.jsonl")),
                new AssistConfig.Pages(null, null), Optional.of("/assist-test-pages"));
        Javalin app = Javalin.create(api::configure).start(0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/no-such-page.html")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("assist-test-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    @Test
    void absentPagesFolderServesNothing() throws Exception {
        HttpApi api = new HttpApi(ApiKeys.fromConfig(List.of()), ConfigLoader.defaults(Map.of()).limits(), new Readiness(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new FeedbackLog(dir.resolve("feedback.jsonl")),
                new AssistConfig.Pages(null, null), Optional.of("/no-such-folder"));
        Javalin app = Javalin.create(api::configure).start(0);
        try {
            HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(404);
        } finally {
            app.stop();
        }
    }
}
