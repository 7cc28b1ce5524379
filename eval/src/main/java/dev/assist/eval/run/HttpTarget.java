package dev.assist.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assist.conversation.Turn;
import dev.assist.eval.EvalCase;
import dev.assist.llm.NumberedPassage;
import dev.assist.retrieve.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running Assist server, asked over its API as a client would: {@code POST /v1/answer} for the
 * answer, then {@code POST /v1/search} with the standalone question the server searched for the
 * ranking. The API key decides tenant and channel, so bot and agent cases need their own keys.
 */
public final class HttpTarget implements EvalTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEARCH_LIMIT = 20;
    /** A rate-limited request is retried after the server's Retry-After, this many attempts in all. */
    private static final int MAX_RATE_LIMITED_ATTEMPTS = 20;

    private final URI base;
    private final Map<Channel, String> keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param keys API key per channel; a case whose channel has no key fails with a message saying which variable to set */
    public HttpTarget(URI base, Map<Channel, String> keys) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.keys = Map.copyOf(keys);
    }

    /** Keys from {@code ASSIST_EVAL_BOT_KEY} and {@code ASSIST_EVAL_AGENT_KEY} ({@code ASSIST_EVAL_API_KEY} for both). */
    public static Map<Channel, String> keysFrom(Map<String, String> env) {
        Map<Channel, String> keys = new LinkedHashMap<>();
        String any = env.get("ASSIST_EVAL_API_KEY");
        String bot = env.getOrDefault("ASSIST_EVAL_BOT_KEY", any);
        String agent = env.getOrDefault("ASSIST_EVAL_AGENT_KEY", any);
        if (bot != null && !bot.isBlank()) {
            keys.put(Channel.BOT, bot);
        }
        if (agent != null && !agent.isBlank()) {
            keys.put(Channel.AGENT, agent);
        }
        return keys;
    }

    @Override
    public Outcome run(EvalCase c) {
        String key = keys.get(c.channel());
        if (key == null) {
            throw new IllegalStateException("no API key for the " + c.channel().wireName()
                    + " channel: set ASSIST_EVAL_" + c.channel().name() + "_KEY (or ASSIST_EVAL_API_KEY)");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("question", c.question());
        ArrayNode history = body.putArray("history");
        for (Turn turn : c.history()) {
            history.addObject().put("role", turn.role().wireName()).put("text", turn.text());
        }
        c.locale().ifPresent(locale -> body.put("locale", locale));
        Reply reply = post("/v1/answer", body, key);
        JsonNode answer = reply.json();
        double totalMs = reply.ms();
        ObjectNode search = JSON.createObjectNode();
        search.put("query", answer.path("query").asText(c.question()));
        c.locale().ifPresent(locale -> search.put("locale", locale));
        search.put("limit", SEARCH_LIMIT);
        JsonNode results = post("/v1/search", search, key).json().path("results");

        List<Outcome.RankedArticle> ranked = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String id = r.path("article_id").asText();
            texts.merge(id, r.path("text").asText(), (x, y) -> x + "\n" + y);
            if (ranked.stream().noneMatch(a -> a.articleId().equals(id))) {
                ranked.add(new Outcome.RankedArticle(id, r.path("title").asText(), AssistTarget.snippet(r.path("snippet").asText())));
            }
        }
        List<Outcome.CitedArticle> cited = new ArrayList<>();
        List<NumberedPassage> evidence = new ArrayList<>();
        for (JsonNode citation : answer.path("citations")) {
            int n = citation.path("n").asInt();
            String id = citation.path("article_id").asText();
            cited.add(new Outcome.CitedArticle(n, id));
            String snippet = citation.path("snippet").asText();
            evidence.add(new NumberedPassage(n, id, citation.path("title").asText(),
                    texts.getOrDefault(id, "").isEmpty() ? snippet : snippet + "\n" + texts.get(id)));
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        answer.path("timings_ms").properties().forEach(e -> stages.put(e.getKey(), e.getValue().asDouble()));
        JsonNode handoff = answer.path("handoff");
        return new Outcome(ranked, answer.path("answer").asText(""), cited, handoff.path("recommended").asBoolean(false),
                handoff.path("reason").asText(""), answer.path("confidence").asDouble(0), answer.path("mode").asText(""),
                answer.path("query").asText(""), answer.path("language").asText(""), evidence, stages, totalMs);
    }

    /** A 200 reply and how long its request took (waits for a rate limit not counted). */
    private record Reply(JsonNode json, double ms) {
    }

    /** Posts, waiting as long as the server's Retry-After says when it rate-limits the eval's key. */
    private Reply post(String path, JsonNode body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            for (int attempt = 1; ; attempt++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() == 429 && attempt < MAX_RATE_LIMITED_ATTEMPTS) {
                    long seconds = response.headers().firstValue("Retry-After").map(HttpTarget::seconds).orElse(1L);
                    Thread.sleep(Duration.ofSeconds(Math.min(seconds, 60)));
                    continue;
                }
                if (response.statusCode() != 200) {
                    String detail = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
                    throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + detail);
                }
                return new Reply(JSON.readTree(response.body()), ms);
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + base + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1; // an HTTP date: a second, then ask again
        }
    }
}
