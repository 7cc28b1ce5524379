package dev.assist.llm;

import dev.assist.conversation.Turn;
import dev.assist.conversation.Role;

import static dev.assist.llm.FakeLlmServer.json;
import static dev.assist.llm.FakeLlmServer.openAiReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmQueryRewriterTest {

    private static final List<Turn> HISTORY = List.of(
            new Turn(Role.CUSTOMER, "How much is the Team plan?"),
            new Turn(Role.ASSISTANT, "Team costs EUR 29 per seat per month [1]."));

    private FakeLlmServer server;
    private LlmQueryRewriter rewriter;

    @BeforeEach
    void start() throws Exception {
        server = new FakeLlmServer();
        LlmConfig config = new LlmConfig(LlmProvider.OPENAI, server.url("/v1"), "test-model", "sk-test",
                Duration.ofSeconds(10), 1, 0.2, 5, Duration.ofSeconds(30));
        rewriter = new LlmQueryRewriter(ResilientChat.create(config), Prompts.fromClasspath());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rewritesAFollowUpWithTheConversationInThePrompt() throws Exception {
        server.then(openAiReply("How much is the Team plan with annual billing?"));

        String question = rewriter.rewrite(HISTORY, "and if I pay yearly?");

        assertThat(question).isEqualTo("How much is the Team plan with annual billing?");
        String prompt = new ObjectMapper().readTree(server.requests().get(0).body())
                .path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("Customer: How much is the Team plan?")
                .contains("Assistant: Team costs EUR 29 per seat per month [1].")
                .contains("Customer's latest message:\nand if I pay yearly?");
    }

    @Test
    void withoutHistoryTheMessageIsAlreadyStandaloneAndTheModelIsNotAsked() {
        assertThat(rewriter.rewrite(List.of(), "  How do I reset my password? ")).isEqualTo("How do I reset my password?");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void stripsLabelsQuotesAndEmphasis() {
        assertThat(LlmQueryRewriter.clean("Question: How do refunds work?")).isEqualTo("How do refunds work?");
        assertThat(LlmQueryRewriter.clean("Standalone question: \"Wie storniere ich?\"")).isEqualTo("Wie storniere ich?");
        assertThat(LlmQueryRewriter.clean("**Rewritten question:** «Comment annuler ?»")).isEqualTo("Comment annuler ?");
        assertThat(LlmQueryRewriter.clean("\n\n“How long do refunds take?”\nThis resolves 'it'."))
                .isEqualTo("How long do refunds take?");
    }

    @Test
    void anEmptyOrRamblingReplyIsMalformed() {
        assertThatThrownBy(() -> LlmQueryRewriter.clean("Question: \"\""))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
        assertThatThrownBy(() -> LlmQueryRewriter.clean("word ".repeat(100)))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void aFailingModelSurfacesAsUnavailableForTheDeterministicFallback() {
        server.otherwise(json(500, "{\"error\":{\"message\":\"down\"}}"));

        assertThatThrownBy(() -> rewriter.rewrite(HISTORY, "and yearly?"))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR));
    }
}
