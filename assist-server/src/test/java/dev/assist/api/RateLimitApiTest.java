package dev.assist.api;

import static dev.assist.api.TestServer.AGENT;
import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.config.AssistConfig;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over its rate a client gets 429 problem+json with Retry-After; other keys, other clients behind the
 * same trusted proxy, and public routes go on.
 */
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
        // The test client connects from the loopback address, here a trusted proxy.
        server = TestServer.start(dir, config.withLimits(limits.withRate(2, BURST)
                .withTrustedProxies(List.of("127.0.0.1", "::1"))));
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

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() {
        for (int i = 0; i < BURST; i++) {
            assertThat(searchFrom("203.0.113.1").status()).isEqualTo(200);
        }
        assertThat(searchFrom("203.0.113.1").status()).isEqualTo(429);
        assertThat(searchFrom("192.0.2.50, 203.0.113.1").status())
                .as("an address the client prepends does not give it a new bucket").isEqualTo(429);

        assertThat(searchFrom("203.0.113.2").status()).as("another customer behind the proxy").isEqualTo(200);
    }

    private TestServer.Response searchFrom(String forwardedFor) {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/search"))
                .header("Authorization", "Bearer " + BOT)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"invoices\"}")));
    }
}
