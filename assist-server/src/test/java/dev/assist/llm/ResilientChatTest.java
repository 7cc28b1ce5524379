package dev.assist.llm;

import static dev.assist.llm.FakeLlmServer.after;
import static dev.assist.llm.FakeLlmServer.json;
import static dev.assist.llm.FakeLlmServer.openAiReply;
import static dev.assist.llm.FakeLlmServer.openAiStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade against a local server speaking OpenAI's chat-completions protocol. */
class ResilientChatTest {

    private static final List<ChatMessage> QUESTION =
            List.of(SystemMessage.from("Be brief."), UserMessage.from("How long do refunds take?"));
    private static final Duration SLACK = Duration.ofMillis(1500);

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

    private LlmConfig config(Duration timeout) {
        return new LlmConfig(LlmProvider.OPENAI, server.url("/v1"), "test-model", "sk-test", timeout, 1, 0.2,
                5, Duration.ofSeconds(30));
    }

    @Test
    void completePostsModelAndMessagesAndReturnsTheReply() throws Exception {
        server.then(openAiReply("Refunds take 5-10 business days [1]."));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        String reply = chat.complete(QUESTION);

        assertThat(reply).isEqualTo("Refunds take 5-10 business days [1].");
        FakeLlmServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("stream").asBoolean(false)).isFalse();
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("How long do refunds take?");
    }

    @Test
    void anOpenAiCompatibleServerWorksWithoutAKey() {
        server.then(openAiReply("Local model here."));
        LlmConfig local = LlmConfig.fromEnvironment(java.util.Map.of("ASSIST_LLM_PROVIDER", "openai",
                "ASSIST_LLM_BASE_URL", server.url("/v1"), "ASSIST_LLM_MODEL", "local-model"));

        assertThat(ResilientChat.create(local).complete(QUESTION)).isEqualTo("Local model here.");
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/chat/completions");
        assertThat(server.requests().get(0).headers().getFirst("Authorization")).as("no key, no credential").isNull();
    }

    @Test
    void streamForwardsDeltasInOrderAndReturnsTheWholeText() throws Exception {
        server.then(openAiStream(Duration.ofMillis(20), "Refunds ", "take 5-10 ", "business days", " [1]."));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));
        List<String> deltas = new CopyOnWriteArrayList<>();

        String whole = chat.stream(QUESTION, deltas::add);

        assertThat(deltas).containsExactly("Refunds ", "take 5-10 ", "business days", " [1].");
        assertThat(whole).isEqualTo("Refunds take 5-10 business days [1].");
        JsonNode body = json.readTree(server.requests().get(0).body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo("test-model");
    }

    @Test
    void slowServerTimesOutWithinTheBudget() {
        server.otherwise(after(Duration.ofSeconds(8), openAiReply("too late")));
        Duration timeout = Duration.ofMillis(700);
        ResilientChat chat = ResilientChat.create(config(timeout));

        long start = System.nanoTime();
        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(took).isLessThan(timeout.plus(SLACK));
    }

    @Test
    void streamThatStallsAfterTheFirstDeltaTimesOutAndForwardsNothingLater() throws Exception {
        server.then(FakeLlmServer.stream("text/event-stream", Duration.ofSeconds(8),
                FakeLlmServer.openAiChunks(List.of("Refunds ", "take forever"))));
        Duration timeout = Duration.ofMillis(800);
        ResilientChat chat = ResilientChat.create(config(timeout));
        List<String> deltas = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class,
                () -> chat.stream(QUESTION, deltas::add));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(took).isLessThan(timeout.plus(SLACK));
        assertThat(deltas).containsExactly("Refunds ");
        Thread.sleep(300);
        assertThat(deltas).containsExactly("Refunds ");
    }

    @Test
    void streamWithNoResponseAtAllTimesOut() {
        server.otherwise(after(Duration.ofSeconds(8), openAiStream(Duration.ZERO, "late")));
        Duration timeout = Duration.ofMillis(600);
        ResilientChat chat = ResilientChat.create(config(timeout));

        long start = System.nanoTime();
        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class,
                () -> chat.stream(QUESTION, delta -> { }));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plus(SLACK));
    }

    @Test
    void invalidJsonIsAMalformedReplyAndNotRetried() {
        server.otherwise(json(200, "{\"id\": \"chatcmpl-1\", \"choices\": [ {\"index\": 0, \"mess"));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(5)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.MALFORMED_REPLY);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void replyWithoutChoicesIsAnErrorWorthOneRetry() {
        // LangChain4j reports "no choices returned" as a server-side failure, so it is retried once.
        server.otherwise(json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}"));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(5)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.ERROR);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void emptyContentIsAMalformedReply() {
        server.otherwise(openAiReply("  "));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> chat.complete(QUESTION))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void serverErrorIsRetriedOnceAndTheRetrySucceeds() {
        server.then(json(500, "{\"error\":{\"message\":\"overloaded\"}}"), openAiReply("Second time lucky."));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        assertThat(chat.complete(QUESTION)).isEqualTo("Second time lucky.");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void rateLimitIsRetried() {
        server.then(json(429, "{\"error\":{\"message\":\"slow down\"}}"), openAiReply("Done."));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        assertThat(chat.complete(QUESTION)).isEqualTo("Done.");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void twoServerErrorsExhaustTheOneRetry() {
        server.otherwise(json(503, "{\"error\":{\"message\":\"down\"}}"));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));

        assertThat(e.reason()).isEqualTo(Reason.ERROR);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void badRequestIsNotRetried() {
        server.otherwise(json(400, "{\"error\":{\"message\":\"context length exceeded\"}}"));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));

        assertThat(e.reason()).isEqualTo(Reason.ERROR);
        assertThat(e).hasMessageContaining("context length exceeded");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void streamedServerErrorIsAnErrorAndNotRetried() {
        server.otherwise(json(500, "{\"error\":{\"message\":\"boom\"}}"));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class,
                () -> chat.stream(QUESTION, delta -> { }));

        assertThat(e.reason()).isEqualTo(Reason.ERROR);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void unreachableServerIsAnError() {
        String url = server.url("/v1");
        server.close();
        ResilientChat chat = ResilientChat.create(new LlmConfig(LlmProvider.OPENAI, url, "test-model", "sk-test",
                Duration.ofSeconds(5), 1, 0.2, 5, Duration.ofSeconds(30)));

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, () -> chat.complete(QUESTION));

        assertThat(e.reason()).isIn(Reason.ERROR, Reason.TIMEOUT);
    }

    @Test
    void failingDeltaConsumerCancelsTheStreamWithoutBlamingTheProvider() {
        server.then(openAiStream(Duration.ofMillis(20), "one ", "two ", "three"));
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofMinutes(1));
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)), breaker);

        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class,
                () -> chat.stream(QUESTION, delta -> {
                    throw new IllegalStateException("client went away");
                }));

        assertThat(e.reason()).isEqualTo(Reason.ERROR);
        assertThat(e.getCause()).hasMessage("client went away");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void noProviderFailsFastAsNotConfigured() {
        ResilientChat chat = ResilientChat.create(LlmConfig.none());

        assertThat(chat.enabled()).isFalse();
        assertThatThrownBy(() -> chat.complete(QUESTION))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED));
        assertThatThrownBy(() -> chat.stream(QUESTION, delta -> { }))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED));
    }

    @Test
    void circuitOpensAfterRepeatedFailuresThenFailsFastWithoutCallingTheServer() {
        server.otherwise(json(500, "{\"error\":{\"message\":\"down\"}}"));
        AtomicLong clock = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock::get);
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)).withMaxRetries(0), breaker);

        for (int i = 0; i < 3; i++) {
            assertThat(reasonOf(() -> chat.complete(QUESTION))).isEqualTo(Reason.ERROR);
        }
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(reasonOf(() -> chat.complete(QUESTION))).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(reasonOf(() -> chat.stream(QUESTION, delta -> { }))).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(server.requestCount()).isEqualTo(3);

        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(reasonOf(() -> chat.complete(QUESTION))).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void halfOpenCircuitLetsOneProbeThroughAndClosesWhenItSucceeds() {
        server.then(json(500, "{}"), json(500, "{}"), json(500, "{}")).otherwise(openAiReply("Back again."));
        AtomicLong clock = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30), clock::get);
        ResilientChat chat = ResilientChat.create(config(Duration.ofSeconds(10)).withMaxRetries(0), breaker);

        reasonOf(() -> chat.complete(QUESTION));
        reasonOf(() -> chat.complete(QUESTION));
        assertThat(chat.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(chat.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(reasonOf(() -> chat.complete(QUESTION))).isEqualTo(Reason.ERROR); // the probe fails
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(chat.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(reasonOf(() -> chat.complete(QUESTION))).isEqualTo(Reason.CIRCUIT_OPEN);

        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(chat.complete(QUESTION)).isEqualTo("Back again.");
        assertThat(chat.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    private static Reason reasonOf(Runnable call) {
        LlmUnavailableException e = catchThrowableOfType(LlmUnavailableException.class, call::run);
        assertThat(e).as("expected an LlmUnavailableException").isNotNull();
        return e.reason();
    }
}
