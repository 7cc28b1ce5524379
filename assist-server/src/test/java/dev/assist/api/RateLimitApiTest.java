package dev.assist.api;

import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.config.AssistConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over its rate a client gets 429 problem+json with Retry-After; other keys and public routes go on. */
class RateLimitApiTest {
    private static final int BURST = 3;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        AssistConfig config = TestServer.config();
        AssistConfig.Limits limits = config.limits();
        // Two a minute: the bucket does not refill noticeably while the test runs.
        server = TestServer.start(dir, config.withLimits(new AssistConfig.Limits(limits.maxQuestionChars(),
                limits.maxBodyBytes(), limits.maxHistoryTurns(), 2, BURST)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientOverItsRateIsToldWhenToComeBack() {
        for (int i = 0; i < BURST; i++) {
            assertThat(server.post("/v1/search", BOT, Map.of("query", "invoices")).status()).isEqualTo(200);
        }

        TestServer.Response refused = server.post("/v1/answer", BOT, Map.of("question", "how do I download my invoices"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("try again in");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        assertThat(server.post("/v1/search", AGENT, Map.of("query", "invoices")).status()).isEqualTo(200);
        assertThat(server.get("/healthz").status()).isEqualTo(200);
    }
}
