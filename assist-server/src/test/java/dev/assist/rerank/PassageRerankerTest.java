package dev.assist.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.LanguageAnalyzers;
import dev.assist.knowledge.LiveIndex;
import dev.assist.retrieve.AdaptiveFusion;
import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Channel;
import dev.assist.retrieve.HybridRetriever;
import dev.assist.retrieve.LexicalRetriever;
import dev.assist.retrieve.QueryEncoder;
import dev.assist.retrieve.RetrieverKind;
import dev.assist.retrieve.SearchQuery;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The passage re-ranker's features and order on the real samples index and embedding model. */
class PassageRerankerTest {
    private static final String QUESTION = "reset my password link expired";
    private static LiveIndex index;
    private static QueryEncoder encoder;
    private static PassageReranker reranker;

    @BeforeAll
    static void open() throws IOException {
        index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get());
        encoder = new QueryEncoder(SharedEmbedder.get(), 100);
        reranker = new PassageReranker(new SentenceScorer(encoder, new SentenceVectors(SharedEmbedder.get(), 1000),
                new TermCoverage(new LanguageAnalyzers())), RerankWeights.defaults(), 12);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<Candidate> candidates() {
        HybridRetriever retriever = new HybridRetriever(index.searchers(), new LexicalRetriever(new LanguageAnalyzers(), 1.5f),
                encoder, new AdaptiveFusion(10, 2), RetrieverKind.HYBRID, 50);
        return retriever.retrieve(new SearchQuery(SamplesIndex.TENANT, QUESTION, List.of("en"), Channel.BOT, 12));
    }

    @Test
    void theVectorFeatureRanksCandidatesAmongThisQuestionsNeighbours() {
        List<Candidate> candidates = candidates();
        Map<Candidate, PassageReranker.Scored> features = reranker.features(RerankQuery.of(QUESTION, "en"), candidates);

        Candidate bestByVector = candidates.stream().filter(c -> c.vectorRank() > 0)
                .min(java.util.Comparator.comparingInt(Candidate::vectorRank)).orElseThrow();
        Candidate worstByVector = candidates.stream().filter(c -> c.vectorRank() > 0)
                .max(java.util.Comparator.comparingInt(Candidate::vectorRank)).orElseThrow();
        assertThat(features.get(bestByVector).features().vector()).isEqualTo(1.0);
        assertThat(features.get(worstByVector).features().vector()).isZero();
        assertThat(features.values()).allSatisfy(f -> assertThat(f.features().vector()).isBetween(0.0, 1.0));
        candidates.stream().filter(c -> c.vectorRank() == 0).forEach(c ->
                assertThat(features.get(c).features().vector()).as("BM25 found it, vectors did not").isZero());
    }

    @Test
    void theAskedMessageIsScoredAsIfItHadBeenSearchedOnItsOwn() {
        List<Candidate> candidates = candidates();
        String searched = QUESTION + " invoices billing annual plan";

        Map<Candidate, PassageReranker.Scored> rewritten = reranker.features(new RerankQuery(searched, QUESTION, "en"), candidates);
        Map<Candidate, PassageReranker.Scored> asIs = reranker.features(RerankQuery.of(QUESTION, "en"), candidates);

        for (Candidate candidate : candidates) {
            RerankFeatures withContext = rewritten.get(candidate).features();
            RerankFeatures alone = asIs.get(candidate).features();
            assertThat(withContext.askedSentence()).isCloseTo(alone.bestSentence(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(alone.askedSentence()).as("nothing was added: the same number").isEqualTo(alone.bestSentence());
        }
        assertThat(candidates).anySatisfy(c -> assertThat(rewritten.get(c).features().bestSentence())
                .as("the added context changes what the searched text matches")
                .isNotCloseTo(rewritten.get(c).features().askedSentence(), org.assertj.core.data.Offset.offset(1e-3)));
    }

    @Test
    void aVectorWeightAloneOrdersByTheVectorSearch() {
        List<Candidate> candidates = candidates().stream().filter(c -> c.vectorRank() > 0).toList();
        PassageReranker vectorOnly = new PassageReranker(new SentenceScorer(encoder, new SentenceVectors(SharedEmbedder.get(), 1000),
                new TermCoverage(new LanguageAnalyzers())), new RerankWeights(0, 0, 0, 0, 0, 0, 0, 1), 12);

        List<ScoredPassage> ranked = vectorOnly.rerank(RerankQuery.of(QUESTION, "en"), candidates);

        assertThat(ranked).extracting(p -> p.candidate().vectorRank()).isSorted();
        assertThat(ranked.getFirst().passage().articleId()).isEqualTo("account-reset-password");
    }
}
