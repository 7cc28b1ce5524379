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

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new ConvexCombinationFusion(1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new ReciprocalRankFusion(0, 1, 1)).hasMessageContaining("k");
        assertThatThrownBy(() -> FusionKind.parse("max")).hasMessageContaining("rrf or convex");
    }
}
