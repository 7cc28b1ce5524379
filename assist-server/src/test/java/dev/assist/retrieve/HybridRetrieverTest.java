package dev.assist.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.LanguageAnalyzers;
import dev.assist.knowledge.LiveIndex;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retrieval on the real samples index: filters apply inside Lucene for every retriever kind. */
class HybridRetrieverTest {
    private static LiveIndex index;
    private static QueryEncoder encoder;

    @BeforeAll
    static void open() throws IOException {
        index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get());
        encoder = new QueryEncoder(SharedEmbedder.get(), 100);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<Candidate> retrieve(RetrieverKind kind, String tenant, Channel channel, String text, String... languages) {
        HybridRetriever retriever = new HybridRetriever(index.searchers(), new LexicalRetriever(new LanguageAnalyzers(), 1.5f),
                encoder, new ReciprocalRankFusion(60, 1, 1), kind, 50);
        return retriever.retrieve(new SearchQuery(tenant, text, List.of(languages), channel, 50));
    }

    @ParameterizedTest
    @EnumSource(RetrieverKind.class)
    void botNeverRetrievesInternalArticles(RetrieverKind kind) {
        List<Candidate> found = retrieve(kind, SamplesIndex.TENANT, Channel.BOT,
                "refund authority limits tier 1 tier 2 agents support lead approval internal", "en");

        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(c -> assertThat(c.passage().chunk().visibility()).isEqualTo("public"));
    }

    @ParameterizedTest
    @EnumSource(RetrieverKind.class)
    void agentFindsTheInternalArticle(RetrieverKind kind) {
        List<Candidate> found = retrieve(kind, SamplesIndex.TENANT, Channel.AGENT,
                "refund authority limits for tier 1 and tier 2 agents", "en");

        assertThat(found.stream().limit(3).map(c -> c.passage().articleId())).contains("internal-refund-limits");
    }

    @ParameterizedTest
    @EnumSource(RetrieverKind.class)
    void otherTenantsArticlesAreNeverRetrieved(RetrieverKind kind) {
        assertThat(retrieve(kind, SamplesIndex.OTHER_TENANT, Channel.AGENT, "how do I download my invoices", "en"))
                .allSatisfy(c -> assertThat(c.passage().chunk().tenant()).isEqualTo(SamplesIndex.OTHER_TENANT));
        assertThat(retrieve(kind, SamplesIndex.TENANT, Channel.AGENT, "how do I download my invoices", "en"))
                .allSatisfy(c -> assertThat(c.passage().chunk().tenant()).isEqualTo(SamplesIndex.TENANT));
    }

    @Test
    void theCustomersLanguageWinsOverTheFallbackForTheSameArticle() {
        List<Candidate> found = retrieve(RetrieverKind.HYBRID, SamplesIndex.TENANT, Channel.BOT,
                "Wie kann ich meine Rechnungen herunterladen?", "de", "en");

        assertThat(found.getFirst().passage().articleId()).isEqualTo("billing-download-invoices");
        assertThat(found.getFirst().passage().language()).isEqualTo("de");
        assertThat(found).filteredOn(c -> c.passage().articleId().equals("billing-download-invoices"))
                .allSatisfy(c -> assertThat(c.passage().language()).isEqualTo("de"));
    }

    @Test
    void fallbackLanguageAnswersWhenNoTranslationExists() {
        List<Candidate> found = retrieve(RetrieverKind.HYBRID, SamplesIndex.TENANT, Channel.BOT,
                "Zoom Link für Online-Termine einrichten", "de", "en");

        assertThat(found.stream().limit(3).map(c -> c.passage().articleId())).contains("integrations-zoom");
    }

    @Test
    void hybridKeepsBothRetrieversRanks() {
        List<Candidate> found = retrieve(RetrieverKind.HYBRID, SamplesIndex.TENANT, Channel.BOT, "reset my password link expired", "en");

        Candidate top = found.getFirst();
        assertThat(top.passage().articleId()).isEqualTo("account-reset-password");
        assertThat(top.lexicalRank()).isPositive();
        assertThat(top.vectorRank()).isPositive();
        assertThat(top.passage().vector()).hasSize(384);
    }

    @Test
    void questionsInLanguagesTheModelDoesNotKnowUseBm25Only() {
        HybridRetriever englishModel = new HybridRetriever(index.searchers(), new LexicalRetriever(new LanguageAnalyzers(), 1.5f),
                encoder, new ReciprocalRankFusion(60, 1, 1), RetrieverKind.HYBRID, 50, VectorLanguages.of(List.of("en")));

        List<Candidate> german = englishModel.retrieve(new SearchQuery(SamplesIndex.TENANT, "Rechnungen herunterladen",
                List.of("de", "en"), Channel.BOT, 20));
        List<Candidate> english = englishModel.retrieve(new SearchQuery(SamplesIndex.TENANT, "download invoices",
                List.of("en"), Channel.BOT, 20));

        assertThat(german).isNotEmpty().allSatisfy(c -> assertThat(c.vectorRank()).isZero());
        assertThat(english).anySatisfy(c -> assertThat(c.vectorRank()).isPositive());
    }

    @Test
    void adaptiveFusionOnTheRealIndexKeepsTheAnswerBothRetrieversFind() {
        HybridRetriever adaptive = new HybridRetriever(index.searchers(), new LexicalRetriever(new LanguageAnalyzers(), 1.5f),
                encoder, new AdaptiveFusion(10, 2), RetrieverKind.HYBRID, 50);

        List<Candidate> found = adaptive.retrieve(new SearchQuery(SamplesIndex.TENANT, "reset my password link expired",
                List.of("en"), Channel.BOT, 10));

        assertThat(found.getFirst().passage().articleId()).isEqualTo("account-reset-password");
        assertThat(found.getFirst().fusedScore()).isBetween(0.5, 1.0);
        assertThat(found).extracting(Candidate::fusedScore).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aQueryOfStopWordsStillGetsVectorResults() {
        assertThat(retrieve(RetrieverKind.HYBRID, SamplesIndex.TENANT, Channel.BOT, "the of and", "en")).isNotEmpty();
        assertThat(retrieve(RetrieverKind.BM25, SamplesIndex.TENANT, Channel.BOT, "the of and", "en")).isEmpty();
    }
}
