package dev.assist.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.Assist;
import dev.assist.auth.ApiKeys;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server with its pages, over a private copy of the samples index, run as the demo
 * runs: a bot key the demo page embeds, an agent key offered to localhost, and an admin key.
 */
final class PagesServer implements AutoCloseable {
    static final String BOT = "pages-bot-key";
    static final String AGENT = "pages-agent-key";
    static final String ADMIN = "pages-admin-key";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Assist assist;

    private PagesServer(Assist assist) {
        this.assist = assist;
    }

    static PagesServer start(Path dir) {
        try {
            Path index = SamplesIndex.copy(dir.resolve("index"));
            AssistConfig config = ConfigLoader.defaults(Map.of()).withPort(0).withIndex(index.toString())
                    .withApiKeys(List.of(
                            new AssistConfig.ApiKeyConfig(BOT, null, SamplesIndex.TENANT, "bot"),
                            new AssistConfig.ApiKeyConfig(AGENT, null, SamplesIndex.TENANT, "agent"),
                            new AssistConfig.ApiKeyConfig(null, ApiKeys.sha256Hex(ADMIN), SamplesIndex.TENANT, "admin")))
                    .withFeedback(new AssistConfig.Feedback(dir.resolve("feedback/feedback.jsonl").toString()))
                    .withPages(new AssistConfig.Pages(BOT, AGENT));
            Assist assist = new Assist(config, SharedEmbedder.get(), model -> LiveIndex.open(index, model), true).start();
            assist.ready().get(3, TimeUnit.MINUTES);
            return new PagesServer(assist);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the pages server did not start", e);
        }
    }

    /** {@code http://localhost:PORT/path}. */
    String url(String path) {
        return "http://localhost:" + assist.port() + path;
    }

    int port() {
        return assist.port();
    }

    /** The feedback file's lines, parsed; empty before the first feedback. */
    List<JsonNode> feedback() {
        Path file = assist.feedbackFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/answer} straight to the API, to compare what a page shows with what a key may see. */
    JsonNode answer(String key, String question) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/v1/answer")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        assist.stop();
    }
}
