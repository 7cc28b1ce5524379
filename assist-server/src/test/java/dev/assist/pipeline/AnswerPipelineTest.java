package dev.assist.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.compose.Citation;
import dev.assist.compose.HandoffReason;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.knowledge.LiveIndex;
import dev.assist.retrieve.Channel;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole read pipeline on the samples help center, with the default configuration. */
class AnswerPipelineTest {
    private static LiveIndex index;
    private static AssistPipeline pipeline;

    @BeforeAll
    static void build() throws IOException {
        index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get());
        AssistConfig config = ConfigLoader.defaults(Map.of());
        pipeline = PipelineFactory.forConfig(SharedEmbedder.get(), config).build(config, index.searchers(), StageObserver.NONE);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Answer ask(Channel channel, String question) {
        return pipeline.answer(new AnswerRequest(SamplesIndex.TENANT, channel, question, List.of(), Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({
            "how do i download my invoices, billing-download-invoices",
            "forgot my pasword and the reset link expired, account-reset-password",
            "how long does shipping of the reader take to germany, shipping-delivery-times",
            "can i connect outlook calendar, integrations-outlook-calendar",
            "what happens if my card payment fails, billing-failed-payment",
            "Wie kann ich mein Abo kündigen?, plans-cancel-subscription"})
    void topArticleForTypicalQuestions(String question, String article) {
        Answer answer = ask(Channel.BOT, question);
        assertThat(answer.retrieval().passages().getFirst().passage().articleId()).isEqualTo(article);
    }

    @Test
    void anAnswerCitesWhatItSaysWithMatchingMarkers() {
        Answer answer = ask(Channel.BOT, "how do I download my invoices?");

        assertThat(answer.composition().handoff().recommended()).isFalse();
        assertThat(answer.composition().text()).isNotBlank();
        assertThat(answer.composition().citations()).extracting(Citation::articleId).contains("billing-download-invoices");
        Matcher markers = Pattern.compile("\\[(\\d+)]").matcher(answer.composition().text());
        List<Integer> numbers = answer.composition().citations().stream().map(Citation::n).toList();
        int count = 0;
        while (markers.find()) {
            count++;
            assertThat(numbers).contains(Integer.parseInt(markers.group(1)));
        }
        assertThat(count).isPositive();
        assertThat(answer.composition().confidence()).isBetween(0.0, 1.0);
        assertThat(answer.timingsMs()).containsKeys("language", "rewrite", "retrieve", "rerank", "compose");
    }

    @Test
    void outOfScopeQuestionsHandOff() {
        Answer answer = ask(Channel.BOT, "what will the weather be like in Paris this weekend?");

        assertThat(answer.composition().handoff().recommended()).isTrue();
        assertThat(answer.composition().handoff().reason()).isIn(HandoffReason.LOW_CONFIDENCE, HandoffReason.NO_RESULTS);
        assertThat(answer.composition().text()).isEmpty();
        assertThat(answer.composition().citations()).isEmpty();
    }

    @Test
    void answersAreInTheCustomersLanguage() {
        Answer answer = ask(Channel.BOT, "Wie lange ist der Link zum Zurücksetzen des Passworts gültig?");

        assertThat(answer.retrieval().language()).isEqualTo("de");
        assertThat(answer.retrieval().passages().getFirst().passage().language()).isEqualTo("de");
    }

    @Test
    void anAnswerFromArticlesInAnotherLanguageSaysSoInTheCustomersLanguage() {
        // The API articles exist in English only.
        Answer answer = ask(Channel.BOT, "Was bedeutet der HTTP-Fehler 429 mit Retry-After bei der API?");

        assertThat(answer.retrieval().language()).isEqualTo("de");
        assertThat(answer.retrieval().passages().getFirst().passage().articleId()).isEqualTo("api-rate-limits");
        assertThat(answer.composition().handoff().recommended()).isFalse();
        assertThat(answer.composition().text()).startsWith("Dazu gibt es bisher nur Artikel auf Englisch: ");
    }

    @Test
    void followUpsAreAnsweredWithTheirHistory() {
        List<Turn> history = List.of(new Turn(Role.CUSTOMER, "how much does shipping of the card reader cost to the UK?"),
                new Turn(Role.ASSISTANT, "Shipping to the UK costs GBP 7.50."));
        Answer answer = pipeline.answer(new AnswerRequest(SamplesIndex.TENANT, Channel.BOT, "and to the US?", history, Optional.empty()));

        assertThat(answer.retrieval().query()).contains("shipping");
        assertThat(answer.retrieval().passages().getFirst().passage().articleId()).isEqualTo("shipping-delivery-times");
    }
}
