package dev.assist.llm;

import static dev.assist.llm.FakeLlmServer.openAiReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmReplySuggesterTest {

    private static final Set<Integer> GIVEN = Set.of(1, 2, 3);
    private static final String THREE = """
            [{"tone": "concise", "text": "You can get a full refund within 14 days of purchase [1]."},
             {"tone": "empathetic", "text": "I understand. Within 14 days you get a full refund [1]; it arrives in 5-10 business days [2]."},
             {"tone": "step-by-step", "text": "1. Go to Settings > Billing > Request refund [3].\\n2. Expect the money in 5-10 business days [2]."}]
            """;

    private FakeLlmServer server;
    private LlmReplySuggester suggester;

    @BeforeEach
    void start() throws Exception {
        server = new FakeLlmServer();
        LlmConfig config = new LlmConfig(LlmProvider.OPENAI, server.url("/v1"), "test-model", "sk-test",
                Duration.ofSeconds(10), 1, 0.2, 5, Duration.ofSeconds(30));
        suggester = new LlmReplySuggester(ResilientChat.create(config), Prompts.fromClasspath());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returnsThreeDraftsWithTonesAndCitations() throws Exception {
        server.then(openAiReply(THREE));
        SuggestionInput input = new SuggestionInput("I want my money back for the annual plan.", "en",
                PromptsGoldenTest.HISTORY, PromptsGoldenTest.PASSAGES);

        List<Draft> drafts = suggester.suggest(input);

        assertThat(drafts).extracting(Draft::tone).containsExactly("concise", "empathetic", "step-by-step");
        assertThat(drafts.get(1).citedNumbers()).containsExactly(1, 2);
        assertThat(drafts.get(2).text()).isEqualTo(
                "1. Go to Settings > Billing > Request refund [3].\n2. Expect the money in 5-10 business days [2].");
        String prompt = new ObjectMapper().readTree(server.requests().get(0).body())
                .path("messages").get(0).path("content").asText();
        assertThat(prompt).isEqualTo(Prompts.fromClasspath().suggest(input));
    }

    @Test
    void readsAnArrayInsideACodeFenceAfterSomeProse() {
        List<Draft> drafts = LlmReplySuggester.parse("Here are three drafts:\n```json\n" + THREE + "```\nLet me know!", GIVEN);

        assertThat(drafts).hasSize(3);
        assertThat(drafts.get(0).text()).isEqualTo("You can get a full refund within 14 days of purchase [1].");
    }

    @Test
    void readsAnObjectWrappingTheArrayAndRawLineBreaksAndATrailingComma() {
        String reply = "{\"drafts\": [{\"tone\": \"concise\", \"text\": \"A [1].\"},"
                + " {\"tone\": \"empathetic\", \"text\": \"Sorry to hear that.\nB [2].\"},"
                + " {\"tone\": \"step-by-step\", \"text\": \"1. C [3].\"},]}";

        List<Draft> drafts = LlmReplySuggester.parse(reply, GIVEN);

        assertThat(drafts).extracting(Draft::text).containsExactly("A [1].", "Sorry to hear that.\nB [2].", "1. C [3].");
    }

    @Test
    void missingTonesGetTheDefaultOnesAndExtraDraftsAreDropped() {
        String reply = "[{\"text\": \"A [1].\"}, {\"text\": \"B [2].\"}, {\"text\": \"C [3].\"}, {\"text\": \"D [1].\"}]";

        List<Draft> drafts = LlmReplySuggester.parse(reply, GIVEN);

        assertThat(drafts).extracting(Draft::tone).containsExactly("concise", "empathetic", "step-by-step");
        assertThat(drafts).extracting(Draft::text).containsExactly("A [1].", "B [2].", "C [3].");
    }

    @Test
    void citationsOfPassagesThatWereNotGivenAreDropped() {
        String reply = "[{\"tone\":\"a\",\"text\":\"A [1][4].\"},{\"tone\":\"b\",\"text\":\"B [9].\"},"
                + "{\"tone\":\"c\",\"text\":\"C [2, 6].\"}]";

        List<Draft> drafts = LlmReplySuggester.parse(reply, GIVEN);

        assertThat(drafts).extracting(Draft::text).containsExactly("A [1].", "B.", "C [2].");
        assertThat(drafts).extracting(Draft::citedNumbers).containsExactly(List.of(1), List.of(), List.of(2));
    }

    @Test
    void fewerThanThreeUsableDraftsIsMalformed() {
        String two = "[{\"tone\":\"a\",\"text\":\"A [1].\"},{\"tone\":\"b\",\"text\":\"  \"},{\"tone\":\"c\",\"text\":\"C.\"}]";

        assertThatThrownBy(() -> LlmReplySuggester.parse(two, GIVEN))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void proseWithoutJsonIsMalformed() {
        assertThatThrownBy(() -> LlmReplySuggester.parse("Sure! Tell the customer refunds take 5-10 days [2].", GIVEN))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
        assertThatThrownBy(() -> LlmReplySuggester.parse("[{\"tone\": \"concise\", \"text\": \"cut off", GIVEN))
                .isInstanceOfSatisfying(LlmUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    }

    @Test
    void theSentinelMeansNoDrafts() {
        assertThat(LlmReplySuggester.parse("HANDOFF", GIVEN)).isEmpty();
        assertThat(LlmReplySuggester.parse("`HANDOFF`.", GIVEN)).isEmpty();
    }

    @Test
    void withoutPassagesTheModelIsNotAsked() {
        assertThat(suggester.suggest(new SuggestionInput("Hello?", "en", List.of(), List.of()))).isEmpty();
        assertThat(server.requestCount()).isZero();
    }
}
