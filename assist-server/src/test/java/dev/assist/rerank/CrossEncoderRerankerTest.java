package dev.assist.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.StoredChunk;
import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-encoder re-ranker over real candidates, with a tiny model that finds "money" relevant. */
class CrossEncoderRerankerTest {
    private static final String QUESTION = "Can I get my money back?";

    @TempDir
    static Path dir;
    private static CrossEncoder model;

    @BeforeAll
    static void load() {
        model = CrossEncoder.load(TinyCrossEncoder.write(dir.resolve("money.onnx"), "money"),
                TinyCrossEncoder.writeTokenizer(dir.resolve("tokenizer.json")), 2, 2);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static Candidate candidate(String article, String title, String text, double fused) {
        StoredChunk chunk = new StoredChunk("t", article, "public", "en", "en", title, "", "", List.of(), "", "", "h", "p",
                0, 1, text, null);
        return new Candidate(Passage.of(chunk, new float[] {1, 0}), fused, 1, fused, 1, fused);
    }

    private static List<Candidate> candidates() {
        return List.of(
                candidate("shipping", "Delivery times", "Orders ship within two days.", 0.9),
                candidate("refunds", "Refunds", "Ask within 30 days; the money reaches your card in a week, all the money you paid.", 0.8),
                candidate("cancel", "Cancel a plan", "Cancelling stops the next payment; you may ask for money back.", 0.7),
                candidate("invoices", "Invoices", "Download invoices as PDF from the billing page.", 0.6));
    }

    @Test
    void ordersCandidatesByTheModelsRelevance() {
        List<ScoredPassage> ranked = new CrossEncoderReranker(model, 10).rerank(RerankQuery.of(QUESTION, "en"), candidates());

        assertThat(ranked).extracting(p -> p.passage().articleId()).startsWith("refunds", "cancel")
                .containsExactlyInAnyOrder("refunds", "cancel", "shipping", "invoices");
        assertThat(ranked).extracting(ScoredPassage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void onlyTheFirstDepthCandidatesAreRescored() {
        List<ScoredPassage> ranked = new CrossEncoderReranker(model, 2).rerank(RerankQuery.of(QUESTION, "en"), candidates());

        // "cancel" mentions money but lies below the depth: it keeps its place after the re-scored two.
        assertThat(ranked).extracting(p -> p.passage().articleId()).containsExactly("refunds", "shipping", "cancel", "invoices");
        assertThat(ranked).extracting(ScoredPassage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranked.get(2).score()).isLessThan(ranked.get(1).score()).isGreaterThan(ranked.get(1).score() - 1e-3);
    }

    @Test
    void theTitleIsReadWithTheText() {
        List<Candidate> candidates = List.of(
                candidate("a", "Shipping", "Orders ship within two days.", 0.9),
                candidate("b", "Money back", "Orders ship within two days.", 0.8));

        assertThat(new CrossEncoderReranker(model, 10).rerank(RerankQuery.of(QUESTION, "en"), candidates))
                .extracting(p -> p.passage().articleId()).containsExactly("b", "a");
    }

    @Test
    void noCandidatesNothingToScore() {
        assertThat(new CrossEncoderReranker(model, 10).rerank(RerankQuery.of(QUESTION, "en"), List.of())).isEmpty();
    }

    @Test
    void concurrentRequestsShareOneSession() throws Exception {
        CrossEncoderReranker reranker = new CrossEncoderReranker(model, 10);
        List<Double> expected = reranker.rerank(RerankQuery.of(QUESTION, "en"), candidates()).stream().map(ScoredPassage::score).toList();
        List<Callable<List<Double>>> requests = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            requests.add(() -> reranker.rerank(RerankQuery.of(QUESTION, "en"), candidates()).stream().map(ScoredPassage::score).toList());
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Double>> answer : threads.invokeAll(requests)) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        }
    }
}
