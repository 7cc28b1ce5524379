package dev.assist.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FusionTest {
    private final List<RankedHit> lexical = List.of(new RankedHit(1, 12f), new RankedHit(2, 6f), new RankedHit(3, 3f));
    private final List<RankedHit> vector = List.of(new RankedHit(3, 0.9f), new RankedHit(4, 0.8f), new RankedHit(1, 0.7f));

    @Test
    void rrfSumsReciprocalRanksOfBothLists() {
        List<Fusion.Fused> fused = new ReciprocalRankFusion(60, 1, 1).fuse(lexical, vector);

        // Docs 2 and 4 tie at 1/62 (rank 2 in one list each); ties go by doc id.
        assertThat(fused).extracting(Fusion.Fused::doc).containsExactly(1, 3, 2, 4);
        Fusion.Fused first = fused.getFirst();
        assertThat(first.score()).isCloseTo(1.0 / 61 + 1.0 / 63, Offset.offset(1e-12));
        assertThat(first.lexicalRank()).isEqualTo(1);
        assertThat(first.vectorRank()).isEqualTo(3);
        assertThat(fused.get(3).lexicalRank()).as("doc 4 only came from vectors").isZero();
    }

    @Test
    void rrfWeightsShiftTheOrder() {
        List<Fusion.Fused> vectorHeavy = new ReciprocalRankFusion(60, 0.2, 1).fuse(lexical, vector);
        assertThat(vectorHeavy.getFirst().doc()).isEqualTo(3);
    }

    @Test
    void convexCombinationNormalizesEachList() {
        List<Fusion.Fused> fused = new ConvexCombinationFusion(0.5).fuse(lexical, vector);

        Fusion.Fused doc1 = fused.stream().filter(f -> f.doc() == 1).findFirst().orElseThrow();
        // bm25 12/12 = 1; cosine 0.7 is the list minimum -> 0.
        assertThat(doc1.score()).isCloseTo(0.5, Offset.offset(1e-6));
        Fusion.Fused doc3 = fused.stream().filter(f -> f.doc() == 3).findFirst().orElseThrow();
        assertThat(doc3.score()).isCloseTo(0.5 * 3 / 12 + 0.5, Offset.offset(1e-6));
        assertThat(fused.getFirst().doc()).isEqualTo(3);
    }

    @Test
    void alphaOneIsVectorOnlyAndZeroIsBm25Only() {
        assertThat(new ConvexCombinationFusion(1).fuse(lexical, vector).getFirst().doc()).isEqualTo(3);
        assertThat(new ConvexCombinationFusion(0).fuse(lexical, vector).getFirst().doc()).isEqualTo(1);
    }

    @Test
    void emptyListsFuseToTheOther() {
        assertThat(new ReciprocalRankFusion(60, 1, 1).fuse(List.of(), vector)).extracting(Fusion.Fused::doc).containsExactly(3, 4, 1);
        assertThat(new ConvexCombinationFusion(0.5).fuse(lexical, List.of())).extracting(Fusion.Fused::doc).containsExactly(1, 2, 3);
    }

    /** {@code count} hits from doc {@code firstDoc} on, scores falling linearly from {@code top} to {@code bottom}. */
    private static List<RankedHit> ranking(int firstDoc, int count, double top, double bottom) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new RankedHit(firstDoc + i, (float) (top - (top - bottom) * i / (count - 1))))
                .toList();
    }

    @Test
    void adaptiveFusionTrustsTheRankingWhoseScoresFallAway() {
        // BM25 matched only a common word: its first ten hits score nearly alike. The vector ranking
        // has a clear head.
        List<RankedHit> flatBm25 = ranking(100, 50, 10.0, 8.0);
        List<RankedHit> steepVectors = ranking(200, 50, 0.90, 0.70);
        AdaptiveFusion fusion = new AdaptiveFusion(10, 2);

        double alpha = fusion.alpha(flatBm25, steepVectors);

        // BM25 drop by the 10th hit: 1 - 9.633/10 = 0.037; vectors: 1 - (0.8633-0.7)/0.2 = 0.184.
        assertThat(alpha).isCloseTo(0.184 * 0.184 / (0.184 * 0.184 + 0.037 * 0.037), Offset.offset(0.01));
        assertThat(fusion.fuse(flatBm25, steepVectors).subList(0, 10)).extracting(Fusion.Fused::doc)
                .as("the vector ranking's first page stays on top").containsExactlyElementsOf(
                        steepVectors.subList(0, 10).stream().map(RankedHit::doc).toList());
        List<RankedHit> oneClearBm25Hit = new java.util.ArrayList<>(List.of(new RankedHit(100, 20f)));
        oneClearBm25Hit.addAll(ranking(101, 49, 6.0, 2.0));
        assertThat(fusion.alpha(oneClearBm25Hit, steepVectors)).as("and the other way round").isLessThan(0.1);
    }

    @Test
    void adaptiveFusionWithPowerZeroIsTheEvenConvexCombination() {
        assertThat(new AdaptiveFusion(10, 0).alpha(lexical, vector)).isEqualTo(0.5);
        assertThat(new AdaptiveFusion(10, 0).fuse(lexical, vector)).isEqualTo(new ConvexCombinationFusion(0.5).fuse(lexical, vector));
    }

    @Test
    void adaptiveFusionUsesTheOnlyRankingThereIs() {
        AdaptiveFusion fusion = new AdaptiveFusion(10, 2);
        assertThat(fusion.alpha(List.of(), vector)).isEqualTo(1);
        assertThat(fusion.alpha(lexical, List.of())).isZero();
        assertThat(fusion.fuse(List.of(), vector)).extracting(Fusion.Fused::doc).containsExactly(3, 4, 1);
    }

    @Test
    void aListShorterThanTheRankHasFallenAllTheWay() {
        // Three BM25 hits: the 10th scores 0 (a document BM25 did not match), a full drop.
        assertThat(new AdaptiveFusion(10, 2).alpha(lexical, ranking(200, 50, 0.9, 0.5))).isLessThan(0.5);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new ConvexCombinationFusion(1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new ReciprocalRankFusion(0, 1, 1)).hasMessageContaining("k");
        assertThatThrownBy(() -> FusionKind.parse("max")).hasMessageContaining("rrf, convex or adaptive");
        assertThatThrownBy(() -> new AdaptiveFusion(1, 2)).hasMessageContaining("rank");
        assertThatThrownBy(() -> new AdaptiveFusion(10, -1)).hasMessageContaining("power");
    }
}
