package dev.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.compose.AnswerMode;
import dev.assist.compose.Citation;
import dev.assist.compose.HandoffReason;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.knowledge.LiveIndex;
import dev.assist.pipeline.Answer;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.pipeline.PipelineFactory;
import dev.assist.pipeline.StageObserver;
import dev.assist.retrieve.Channel;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline with a language model behind the OpenAI chat-completions wire format: a
 * grounded generated answer is used, an ungrounded one or a failing model falls back to the
 * extractive answer, a refusal hands off.
 */
class GenerativePipelineTest {
    private static final String QUESTION = "how long do refunds take to reach my card?";
    private static LiveIndex index;
    private FakeLlmServer llm;
    private AssistPipeline pipeline;

    @BeforeAll
    static void open() throws Exception {
        index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void start() throws Exception {
        llm = new FakeLlmServer();
        AssistConfig config = ConfigLoader.defaults(Map.of());
        LlmConfig llmConfig = LlmConfig.of(LlmProvider.OPENAI, llm.url("/v1"), "gpt-test", "sk-test")
                .withTimeout(Duration.ofSeconds(2));
        pipeline = PipelineFactory.forConfig(SharedEmbedder.get(), config, llmConfig)
                .build(config, index.searchers(), StageObserver.NONE);
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    /** What a faithful model would say: the first line of passage [1], cited. */
    private String faithfulAnswer() {
        try {
            String prompt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(llm.requests().getLast().body())
                    .get("messages").get(0).get("content").asText();
            java.util.regex.Matcher first = java.util.regex.Pattern.compile("\\[1] [^\\n]*\\n([^\\n]+)").matcher(prompt);
            assertThat(first.find()).as("passage [1] in the prompt").isTrue();
            return first.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer ask() {
        return pipeline.answer(new AnswerRequest(SamplesIndex.TENANT, Channel.BOT, QUESTION, List.of(), Optional.empty()));
    }

    @Test
    void aGroundedGeneratedAnswerIsUsed() {
        llm.then(exchange -> FakeLlmServer.openAiReply(faithfulAnswer() + " [1]").send(exchange));

        Answer answer = ask();

        assertThat(answer.composition().mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(answer.composition().text()).endsWith(" [1]");
        assertThat(answer.composition().citations()).hasSize(1);
        assertThat(answer.composition().citations().getFirst().snippet()).isNotBlank();
        assertThat(answer.composition().citations().getFirst().articleId()).startsWith("refunds-");
        assertThat(llm.requests().getFirst().body()).contains("5-10 business days").contains("gpt-test");
    }

    @Test
    void anUngroundedAnswerFallsBackToTheExtractiveOne() {
        llm.then(FakeLlmServer.openAiReply("Refunds take 90 days and are paid in gift cards [1]."));

        Answer answer = ask();

        assertThat(answer.composition().text()).doesNotContain("90 days").doesNotContain("gift cards");
        assertThat(answer.composition().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    }

    @Test
    void aSlowModelFallsBackWithinTheTimeout() {
        llm.otherwise(FakeLlmServer.after(Duration.ofSeconds(10), FakeLlmServer.openAiReply("late [1].")));

        long start = System.nanoTime();
        Answer answer = ask();

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(6);
        assertThat(answer.composition().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    }

    @Test
    void aMalformedReplyFallsBack() {
        llm.otherwise(FakeLlmServer.json(200, "{\"choices\": [ {\"message\": "));

        assertThat(ask().composition().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    }

    @Test
    void aRefusalHandsOff() {
        llm.then(FakeLlmServer.openAiReply(LlmAnswerGenerator.HANDOFF));

        Answer answer = ask();

        assertThat(answer.composition().handoff().recommended()).isTrue();
        assertThat(answer.composition().handoff().reason()).isEqualTo(HandoffReason.MODEL_DECLINED);
    }

    @Test
    void streamingSendsTheModelsDeltasAndReturnsTheCheckedAnswer() {
        llm.then(exchange -> {
            String sentence = faithfulAnswer();
            int half = sentence.length() / 2;
            FakeLlmServer.openAiStream(Duration.ZERO, sentence.substring(0, half), sentence.substring(half), " [1]").send(exchange);
        });
        List<String> deltas = new ArrayList<>();

        Answer answer = pipeline.answer(new AnswerRequest(SamplesIndex.TENANT, Channel.BOT, QUESTION, List.of(), Optional.empty()),
                (id, retrieval) -> assertThat(retrieval.passages()).isNotEmpty(), deltas::add);

        assertThat(String.join("", deltas)).isEqualTo(answer.composition().text());
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(answer.composition().mode()).isEqualTo(AnswerMode.GENERATIVE);
    }
}
