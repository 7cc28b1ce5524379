package dev.assist.llm;

import static dev.assist.llm.FakeLlmServer.openAiReply;
import static dev.assist.llm.FakeLlmServer.openAiStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmAnswerGeneratorTest {

    private static final GenerationInput INPUT = new GenerationInput(
            "Can I still get my money back, and how long does it take?", "en",
            PromptsGoldenTest.HISTORY, PromptsGoldenTest.PASSAGES);

    private FakeLlmServer server;
    private LlmAnswerGenerator generator;

    @BeforeEach
    void start() throws Exception {
        server = new FakeLlmServer();
        LlmConfig config = new LlmConfig(LlmProvider.OPENAI, server.url("/v1"), "test-model", "sk-test",
                Duration.ofSeconds(10), 1, 0.2, 5, Duration.ofSeconds(30));
        generator = new LlmAnswerGenerator(ResilientChat.create(config), Prompts.fromClasspath());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheRenderedPromptWithThePassagesAndReadsTheCitations() throws Exception {
        server.then(openAiReply("Yes: within 14 days of purchase you get a full refund [1]. "
                + "The money arrives within 5-10 business days [2]."));

        GeneratedAnswer answer = generator.generate(INPUT);

        assertThat(answer.declined()).isFalse();
        assertThat(answer.text()).isEqualTo("Yes: within 14 days of purchase you get a full refund [1]. "
                + "The money arrives within 5-10 business days [2].");
        assertThat(answer.citedNumbers()).containsExactly(1, 2);

        JsonNode body = new ObjectMapper().readTree(server.requests().get(0).body());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("messages")).hasSize(1);
        String prompt = body.path("messages").get(0).path("content").asText();
        assertThat(prompt).isEqualTo(Prompts.fromClasspath().answer(INPUT));
        assertThat(prompt)
                .contains("[1] Lumora refund policy explained\nAnnual billing means you pay for 10 months and get 12.")
                .contains("[2] Lumora refund policy explained\nApproved refunds go back")
                .contains("[3] Request a refund\nGo to Settings > Billing > Request refund")
                .contains("Customer's question:\nCan I still get my money back, and how long does it take?");
    }

    @Test
    void dropsCitationsOfPassagesThatWereNotGiven() {
        GeneratedAnswer answer = LlmAnswerGenerator.parse(
                "Refunds arrive within 5-10 business days [2][7]. Ask in chat [9]. See the policy [1, 8].",
                PromptsGoldenTest.PASSAGES);

        assertThat(answer.text()).isEqualTo("Refunds arrive within 5-10 business days [2]. Ask in chat. See the policy [1].");
        assertThat(answer.citedNumbers()).containsExactly(2, 1);
    }

    @Test
    void theSentinelDeclines() {
        assertThat(LlmAnswerGenerator.parse("HANDOFF", PromptsGoldenTest.PASSAGES)).isEqualTo(GeneratedAnswer.decline());
        assertThat(LlmAnswerGenerator.parse("**HANDOFF**\n", PromptsGoldenTest.PASSAGES).declined()).isTrue();
        assertThat(LlmAnswerGenerator.parse("The passages don't say. HANDOFF", PromptsGoldenTest.PASSAGES).declined())
                .isTrue();
        assertThat(LlmAnswerGenerator.parse("Our handoff to billing is quick [1].", PromptsGoldenTest.PASSAGES).declined())
                .isFalse();
    }

    @Test
    void anEmptyReplyIsMalformed() {
        assertThatThrownBy(() -> LlmAnswerGenerator.parse(" \n ", PromptsGoldenTest.PASSAGES))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
        assertThatThrownBy(() -> LlmAnswerGenerator.parse("[7]", PromptsGoldenTest.PASSAGES))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void anEmptyReplyFromTheServerIsMalformed() {
        server.otherwise(openAiReply(""));

        assertThatThrownBy(() -> generator.generate(INPUT))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void withoutPassagesTheModelIsNotAskedAndTheAnswerIsDeclined() {
        GeneratedAnswer answer = generator.generate(new GenerationInput("Do you sell gift cards?", "en", List.of(), List.of()));

        assertThat(answer.declined()).isTrue();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void streamingForwardsTheAnswerAndReturnsItParsed() {
        server.then(openAiStream(Duration.ofMillis(10), "Within 14 days ", "you get a full refund [1]", "[5]."));
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedAnswer answer = generator.stream(INPUT, deltas::add);

        assertThat(String.join("", deltas)).isEqualTo("Within 14 days you get a full refund [1][5].");
        assertThat(answer.text()).isEqualTo("Within 14 days you get a full refund [1].");
        assertThat(answer.citedNumbers()).containsExactly(1);
        assertThat(answer.declined()).isFalse();
    }

    @Test
    void streamingNeverShowsTheSentinelToTheCustomer() {
        server.then(openAiStream(Duration.ofMillis(10), "HAND", "OFF"));
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedAnswer answer = generator.stream(INPUT, deltas::add);

        assertThat(answer.declined()).isTrue();
        assertThat(deltas).isEmpty();
    }

    @Test
    void streamingReleasesHeldTextAsSoonAsItCannotBeTheSentinel() {
        server.then(openAiStream(Duration.ofMillis(10), "H", "ere is how [3]", "."));
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedAnswer answer = generator.stream(INPUT, deltas::add);

        assertThat(deltas).containsExactly("Here is how [3]", ".");
        assertThat(answer.text()).isEqualTo("Here is how [3].");
    }

    @Test
    void streamingFlushesHeldTextThatNeverBecameTheSentinel() {
        server.then(openAiStream(Duration.ofMillis(10), "HAND"));
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedAnswer answer = generator.stream(INPUT, deltas::add);

        assertThat(deltas).containsExactly("HAND");
        assertThat(answer.declined()).isFalse();
    }
}
