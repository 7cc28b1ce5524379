package dev.assist.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.StoredChunk;
import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiversifierTest {
    private static ScoredPassage passage(String article, int ordinal, double score, float... vector) {
        StoredChunk chunk = new StoredChunk("t", article, "public", "en", "en", article, "", "", List.of(), "", "", "h", "p",
                ordinal, 3, "text " + article + ordinal, null);
        return new ScoredPassage(new Candidate(Passage.of(chunk, vector), score, 1, 1, 1, 1), score, List.of());
    }

    @Test
    void atMostNPassagesPerArticle() {
        List<ScoredPassage> ranked = List.of(
                passage("a", 0, 0.9, 1, 0), passage("a", 1, 0.8, 0, 1), passage("a", 2, 0.7, 1, 0), passage("b", 0, 0.1, 0, 1));

        List<ScoredPassage> kept = new Diversifier(2, 1.0).diversify(ranked, 3);

        assertThat(kept).extracting(p -> p.passage().id()).containsExactly("a/en#0", "a/en#1", "b/en#0");
    }

    @Test
    void mmrPrefersANovelPassageOverANearDuplicate() {
        List<ScoredPassage> ranked = List.of(
                passage("a", 0, 1.0, 1, 0), passage("b", 0, 0.95, 1, 0), passage("c", 0, 0.9, 0, 1));

        assertThat(new Diversifier(2, 0.5).diversify(ranked, 2)).extracting(p -> p.passage().articleId()).containsExactly("a", "c");
        assertThat(new Diversifier(2, 1.0).diversify(ranked, 2)).extracting(p -> p.passage().articleId()).containsExactly("a", "b");
    }
}
