package dev.assist.llm;

import static dev.assist.llm.FakeLlmServer.json;
import static dev.assist.llm.FakeLlmServer.jsonString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade against local servers speaking Ollama's and Anthropic's own protocols. */
class OtherProvidersTest {

    private static final List<ChatMessage> QUESTION =
            List.of(SystemMessage.from("Be brief."), UserMessage.from("How long do refunds take?"));

    private final ObjectMapper json = new ObjectMapper();
    private FakeLlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeLlmServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- Ollama: POST /api/chat, one JSON object, or NDJSON lines when streaming ----

    private LlmConfig ollama() {
        return LlmConfig.of(LlmProvider.OLLAMA, server.url(""), "llama3.1:8b", null);
    }

    private static String ollamaLine(String content, boolean done) {
        return "{\"model\":\"llama3.1:8b\",\"created_at\":\"2026-11-24T10:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + jsonString(content) + "},\"done\":" + done
                + (done ? ",\"done_reason\":\"stop\",\"total_duration\":1000,\"prompt_eval_count\":30,\"eval_count\":12" : "")
                + "}";
    }

    @Test
    void ollamaCompletePostsToApiChat() throws Exception {
        server.then(json(200, ollamaLine("Refunds take 5-10 business days [1].", true)));

        String reply = ResilientChat.create(ollama()).complete(QUESTION);

        assertThat(reply).isEqualTo("Refunds take 5-10 business days [1].");
        FakeLlmServer.Request request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("How long do refunds take?");
    }

    @Test
    void ollamaStreamsNdjsonLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String delta : List.of("Refunds ", "take ", "5-10 business days.")) {
            lines.add(ollamaLine(delta, false) + "\n");
        }
        lines.add(ollamaLine("", true) + "\n");
        server.then(FakeLlmServer.stream("application/x-ndjson", Duration.ofMillis(20), lines));
        List<String> deltas = new CopyOnWriteArrayList<>();

        String whole = ResilientChat.create(ollama()).stream(QUESTION, deltas::add);

        assertThat(deltas).containsExactly("Refunds ", "take ", "5-10 business days.");
        assertThat(whole).isEqualTo("Refunds take 5-10 business days.");
        assertThat(json.readTree(server.requests().get(0).body()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void ollamaWithoutTheModelIsAnError() {
        server.otherwise(json(404, "{\"error\":\"model 'llama3.1:8b' not found, try pulling it first\"}"));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class,
                () -> ResilientChat.create(ollama()).complete(QUESTION));

        assertThat(e.reason()).isEqualTo(Reason.ERROR);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    // ---- Anthropic: POST /v1/messages, system prompt apart, SSE events when streaming ----

    private LlmConfig anthropic() {
        return LlmConfig.of(LlmProvider.ANTHROPIC, server.url("/v1/"), "claude-3-5-haiku-latest", "sk-ant-test");
    }

    @Test
    void anthropicCompletePostsToV1Messages() throws Exception {
        server.then(json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-3-5-haiku-latest",
                 "content":[{"type":"text","text":"Refunds take 5-10 business days [1]."}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":12}}
                """));

        String reply = ResilientChat.create(anthropic()).complete(QUESTION);

        assertThat(reply).isEqualTo("Refunds take 5-10 business days [1].");
        FakeLlmServer.Request request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.headers().getFirst("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.headers().getFirst("anthropic-version")).isNotBlank();
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(body.path("max_tokens").asInt()).isPositive();
        assertThat(body.path("system").toString()).contains("Be brief.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).toString()).contains("How long do refunds take?");
    }

    @Test
    void anthropicStreamsServerSentEvents() {
        List<String> events = new ArrayList<>();
        events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-3-5-haiku-latest\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}"));
        events.add(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String delta : List.of("Refunds ", "take 5-10 ", "business days.")) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + jsonString(delta) + "}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":12}}"));
        events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        server.then(FakeLlmServer.stream("text/event-stream", Duration.ofMillis(20), events));
        List<String> deltas = new CopyOnWriteArrayList<>();

        String whole = ResilientChat.create(anthropic()).stream(QUESTION, deltas::add);

        assertThat(deltas).containsExactly("Refunds ", "take 5-10 ", "business days.");
        assertThat(whole).isEqualTo("Refunds take 5-10 business days.");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/messages");
    }

    @Test
    void anthropicOverloadedIsRetried() {
        server.then(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
                json(200, """
                        {"id":"msg_02","type":"message","role":"assistant","model":"claude-3-5-haiku-latest",
                         "content":[{"type":"text","text":"Fine now."}],"stop_reason":"end_turn",
                         "usage":{"input_tokens":40,"output_tokens":3}}
                        """));

        assertThat(ResilientChat.create(anthropic()).complete(QUESTION)).isEqualTo("Fine now.");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }
}
