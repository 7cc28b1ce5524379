package dev.assist.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.Assist;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.knowledge.LiveIndex;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real server on a random port over a private copy of the samples index, with keys for both
 * tenants and every scope, and an HTTP client to call it.
 */
final class TestServer implements AutoCloseable {
    static final String BOT = "lumora-bot-key";
    static final String AGENT = "lumora-agent-key";
    static final String ADMIN = "lumora-admin-key";
    static final String OTHER_BOT = "other-bot-key";
    static final String OTHER_AGENT = "other-agent-key";
    static final String OTHER_ADMIN = "other-admin-key";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Assist assist;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Assist assist) {
        this.assist = assist;
    }

    static AssistConfig config() {
        AssistConfig defaults = ConfigLoader.defaults(Map.of());
        AssistConfig.Limits limits = defaults.limits();
        // No background sentence warm-up: it would compete with the tests for the CPU. No rate limit:
        // a test class sends more than a burst from one address (RateLimitApiTest turns it on).
        return defaults.withCache(new AssistConfig.Cache(defaults.cache().queries(), defaults.cache().sentences(), false))
                .withLimits(limits.withRate(0, limits.rateBurst()))
                .withPort(0).withApiKeys(List.of(
                new AssistConfig.ApiKeyConfig(BOT, null, SamplesIndex.TENANT, "bot"),
                new AssistConfig.ApiKeyConfig(AGENT, null, SamplesIndex.TENANT, "agent"),
                new AssistConfig.ApiKeyConfig(null, dev.assist.auth.ApiKeys.sha256Hex(ADMIN), SamplesIndex.TENANT, "admin"),
                new AssistConfig.ApiKeyConfig(OTHER_BOT, null, SamplesIndex.OTHER_TENANT, "bot"),
                new AssistConfig.ApiKeyConfig(OTHER_AGENT, null, SamplesIndex.OTHER_TENANT, "agent"),
                new AssistConfig.ApiKeyConfig(OTHER_ADMIN, null, SamplesIndex.OTHER_TENANT, "admin")));
    }

    /** Starts on a copy of the samples index in {@code dir} and waits until it is ready. */
    static TestServer start(Path dir) {
        return start(dir, config());
    }

    /** Starts with another configuration (keys as in {@link #config()} unless it says otherwise). */
    static TestServer start(Path dir, AssistConfig config) {
        return start(dir, config, dev.assist.llm.LlmConfig.none());
    }

    /** Starts with a language model behind the answers. */
    static TestServer start(Path dir, AssistConfig config, dev.assist.llm.LlmConfig llm) {
        try {
            Path index = SamplesIndex.copy(dir.resolve("index"));
            Assist assist = new Assist(config.withIndex(index.toString()), SharedEmbedder.get(),
                    model -> LiveIndex.open(index, model), false, llm).start();
            assist.ready().get(3, TimeUnit.MINUTES);
            return new TestServer(assist);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    static TestServer around(Assist assist) {
        return new TestServer(assist);
    }

    Assist assist() {
        return assist;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + assist.port() + path);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    Response post(String path, String key, Object body) {
        return send("POST", path, key, "application/json", json(body));
    }

    Response put(String path, String key, Object body) {
        return send("PUT", path, key, "application/json", json(body));
    }

    Response delete(String path, String key) {
        return send("DELETE", path, key, null, null);
    }

    Response send(String method, String path, String key, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        assist.stop();
    }

    /** A response: status, headers (lower-case names) and body. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        String contentType() {
            return header("content-type");
        }

        List<String> articleIds() {
            return ArticleIds.in(json());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
