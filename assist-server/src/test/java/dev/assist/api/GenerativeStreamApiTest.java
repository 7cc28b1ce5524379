package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.FakeLlmServer;
import dev.assist.llm.LlmConfig;
import dev.assist.llm.LlmProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a language model behind the server (an OpenAI chat-completions double), the stream sends
 * the candidate passages first, the model's text as it arrives, and the checked answer last.
 */
class GenerativeStreamApiTest {
    @TempDir
    static Path dir;
    static FakeLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        llm = new FakeLlmServer();
        server = TestServer.start(dir, TestServer.config(),
                LlmConfig.of(LlmProvider.OPENAI, llm.url("/v1"), "gpt-test", "sk-test").withTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    /** A faithful model: the first line of passage [1], cited, in two pieces. */
    private static FakeLlmServer.Reply faithfulStream() {
        return exchange -> {
            String prompt;
            try {
                prompt = new ObjectMapper().readTree(llm.requests().getLast().body()).get("messages").get(0).get("content").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher first = Pattern.compile("\\[1] [^\\n]*\\n([^\\n]+)").matcher(prompt);
            String sentence = first.find() ? first.group(1) : "nothing";
            int half = sentence.length() / 2;
            FakeLlmServer.openAiStream(Duration.ofMillis(50), sentence.substring(0, half), sentence.substring(half), " [1]")
                    .send(exchange);
        };
    }

    @Test
    void streamsTheModelsTextBetweenSourcesAndTheCheckedAnswer() {
        llm.then(faithfulStream(), faithfulStream());

        TestServer.Response response = server.post("/v1/answer/stream", BOT, Map.of("question", "how do I download my invoices"));

        List<ServerSentEvents.Event> events = ServerSentEvents.parse(response.body());
        assertThat(events).extracting(ServerSentEvents.Event::name).first().isEqualTo("meta");
        assertThat(events).extracting(ServerSentEvents.Event::name).last().isEqualTo("done");
        JsonNode meta = events.getFirst().json();
        JsonNode done = events.getLast().json();
        assertThat(meta.get("citations").size()).as("every passage the model may cite").isGreaterThan(1);
        assertThat(meta.get("answer_id").asText()).isEqualTo(done.get("answer_id").asText());
        List<String> deltas = events.stream().filter(e -> e.name().equals("delta")).map(e -> e.json().get("text").asText()).toList();
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(done.get("mode").asText()).isEqualTo("generative");
        assertThat(String.join("", deltas)).isEqualTo(done.get("answer").asText());
        assertThat(done.get("citations")).hasSize(1);
        assertThat(done.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(done.get("citations").get(0).get("article_id").asText())
                .isEqualTo(meta.get("citations").get(0).get("article_id").asText());
    }
}
