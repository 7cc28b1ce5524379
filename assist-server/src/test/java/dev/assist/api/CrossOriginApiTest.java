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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget runs on other sites' pages: browsers there may call the {@code /v1} routes. */
class CrossOriginApiTest {
    private static final String ORIGIN = "https://shop.example";

    @TempDir
    Path dir;
    private Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        HttpApi api = new HttpApi(ApiKeys.fromConfig(List.of(new AssistConfig.ApiKeyConfig("bot", null, "lumora", "bot"))),
                ConfigLoader.defaults(Map.of()).limits(), new Readiness(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new FeedbackLog(dir.resolve("feedback.jsonl")), new AssistConfig.Pages(null, null), Optional.empty());
        app = Javalin.create(api::configure).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Origin", ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    @Test
    void preflightForTheStreamAllowsAnyOriginWithTheAuthorizationHeader() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/v1/answer/stream"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("*");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).contains("POST");
        assertThat(preflight.headers().firstValue("access-control-allow-headers").orElse("")).contains("authorization");
    }

    @Test
    void crossOriginFeedbackIsRecordedAndReadableByThePage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/feedback"))
                .header("Authorization", "Bearer bot").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer_id\": \"cross-1\", \"rating\": \"up\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains("*");
    }

    @Test
    void refusalsCarryTheHeaderSoThePageCanReadTheProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/feedback"))
                .header("Authorization", "Bearer wrong").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains("*");
    }
}
