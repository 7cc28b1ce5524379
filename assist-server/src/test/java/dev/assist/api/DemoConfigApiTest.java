package dev.assist.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.auth.ApiKeys;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.config.ConfigLoader;
import dev.assist.feedback.FeedbackLog;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /demo-config.json} hands the demo pages their keys: the bot key to anyone, the agent
 * key only to a request from this machine, and only keys of the scope they claim.
 */
class DemoConfigApiTest {
    private static final List<AssistConfig.ApiKeyConfig> KEYS = List.of(
            new AssistConfig.ApiKeyConfig("demo-bot", null, "lumora", "bot"),
            new AssistConfig.ApiKeyConfig("demo-agent", null, "lumora", "agent"),
            new AssistConfig.ApiKeyConfig("demo-admin", null, "lumora", "admin"));

    @TempDir
    Path dir;

    private HttpApi api(AssistConfig.Pages pages) {
        return new HttpApi(ApiKeys.fromConfig(KEYS), ConfigLoader.defaults(Map.of()).limits(), new Readiness(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new FeedbackLog(dir.resolve("feedback.jsonl")),
                pages, Optional.empty());
    }

    /** A raw request, so the Host header can name another host than the one connected to. */
    private static JsonNode get(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /demo-config.json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response.toLowerCase()).contains("cache-control: no-store");
            return TestServer.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    @Test
    void aServerThatIsNotADemoHandsOutNoKeys() throws IOException {
        Javalin app = Javalin.create(api(new AssistConfig.Pages(null, null))::configure).start(0);
        try {
            JsonNode config = get(app.port(), "localhost");
            assertThat(config.get("bot_key").isNull()).isTrue();
            assertThat(config.get("agent_key").isNull()).isTrue();
        } finally {
            app.stop();
        }
    }

    @Test
    void theAgentKeyIsOnlyForRequestsFromThisMachine() throws IOException {
        Javalin app = Javalin.create(api(new AssistConfig.Pages("demo-bot", "demo-agent"))::configure).start(0);
        try {
            JsonNode local = get(app.port(), "localhost:" + app.port());
            JsonNode loopbackAddress = get(app.port(), "127.0.0.1:" + app.port());
            JsonNode proxied = get(app.port(), "help.lumora.example");

            assertThat(local.get("bot_key").asText()).isEqualTo("demo-bot");
            assertThat(local.get("agent_key").asText()).isEqualTo("demo-agent");
            assertThat(loopbackAddress.get("agent_key").asText()).isEqualTo("demo-agent");
            assertThat(proxied.get("bot_key").asText()).isEqualTo("demo-bot");
            assertThat(proxied.get("agent_key").isNull()).isTrue();
        } finally {
            app.stop();
        }
    }

    @Test
    void aDemoKeyOfAnotherScopeIsAConfigurationError() {
        assertThatThrownBy(() -> api(new AssistConfig.Pages("demo-agent", null)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pages.demo_bot_key").hasMessageContaining("scope bot");
        assertThatThrownBy(() -> api(new AssistConfig.Pages(null, "demo-admin")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pages.demo_agent_key").hasMessageContaining("scope agent");
        assertThatThrownBy(() -> api(new AssistConfig.Pages("not-configured", null)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not one of the configured api_keys");
    }
}
