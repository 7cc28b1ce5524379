package dev.assist.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every metric on small examples computed by hand. */
class MetricsTest {
    private static final List<String> RANKED = List.of("a", "b", "c", "d", "e");

    @Test
    void rankingMetricsOnAHandComputedRanking() {
        Set<String> relevant = Set.of("b", "d", "z");
        // relevant at ranks 2 and 4; "z" never retrieved
        assertThat(RankingMetrics.recall(RANKED, relevant, 1)).isZero();
        assertThat(RankingMetrics.recall(RANKED, relevant, 2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankingMetrics.recall(RANKED, relevant, 5)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(RankingMetrics.reciprocalRank(RANKED, relevant, 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(RANKED, relevant, 1)).isZero();
        // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068; IDCG = 1 + 1/log2(3) + 1/2 = 2.13093
        double expected = (0.6309297535714574 + 0.43067655807339306) / (1 + 0.6309297535714574 + 0.5);
        assertThat(RankingMetrics.ndcg(RANKED, relevant, 10)).isCloseTo(expected, within(1e-12));
        assertThat(RankingMetrics.ndcg(RANKED, Map.of("b", 1, "d", 1, "z", 1), 10)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gradedNdcgUsesExponentialGainsAndTheIdealOrderOfGrades() {
        // grades: c=3 at rank 3, a=1 at rank 1; ideal order c(3), a(1)
        Map<String, Integer> grades = Map.of("a", 1, "c", 3, "x", 0);
        double dcg = 1 / 1.0 + 7 / (Math.log(4) / Math.log(2));
        double idcg = 7 / 1.0 + 1 / (Math.log(3) / Math.log(2));
        assertThat(RankingMetrics.ndcg(RANKED, grades, 10)).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of("c", "a"), grades, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingMetrics.ndcg(RANKED, Map.of("x", 0), 10)).isZero();
    }

    @Test
    void tokenF1IsSquadStyle() {
        // answer tokens: refunds take 5 10 business days (6); reference: refund takes 5 10 days (5)
        // common: take? no ("takes" vs "take"); common = 5, 10, days = 3; P = 3/6, R = 3/5, F1 = 6/11
        assertThat(AnswerMetrics.tokenF1("Refunds take 5-10 business days. [1]", List.of("A refund takes 5–10 days")))
                .isCloseTo(6 / 11.0, within(1e-12));
        assertThat(AnswerMetrics.tokenF1("The answer", List.of("no", "answer"))).isEqualTo(1.0);
        assertThat(AnswerMetrics.tokenF1("", List.of("anything"))).isZero();
        assertThat(AnswerMetrics.tokenRecall("It costs 308 points in total", List.of("308"))).isEqualTo(1.0);
        assertThat(AnswerMetrics.tokens("Ich möchte kündigen!")).containsExactly("ich", "möchte", "kündigen");
        assertThat(AnswerMetrics.tokens("超级碗50")).containsExactly("超", "级", "碗", "50");
    }

    @Test
    void handoffAggregatesCountTheConfusionCodes() {
        // 2 true hand-offs, 1 wrong hand-off, 1 missed hand-off, 3 right answers, 1 unlabelled
        double[] codes = {
            Aggregate.code(true, true), Aggregate.code(true, true), Aggregate.code(true, false), Aggregate.code(false, true),
            Aggregate.code(false, false), Aggregate.code(false, false), Aggregate.code(false, false), Double.NaN};
        assertThat(Aggregate.PRECISION.of(codes)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(Aggregate.RECALL.of(codes)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(Aggregate.F1.of(codes)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(Aggregate.F1.of(new double[] {Aggregate.code(false, false)})).isNaN();
        assertThat(Aggregate.PRECISION.of(new double[] {Aggregate.code(false, true)})).isNaN();
        assertThat(Aggregate.F1.of(new double[] {Aggregate.code(false, true)})).isZero();
    }

    @Test
    void meanAndPercentilesSkipRowsWhereTheMetricDoesNotApply() {
        double[] values = {10, Double.NaN, 30, 20, 40};
        assertThat(Aggregate.MEAN.of(values)).isEqualTo(25);
        assertThat(Aggregate.P50.of(values)).isEqualTo(20);
        assertThat(Aggregate.P95.of(values)).isEqualTo(40);
        assertThat(Aggregate.MEAN.of(new double[] {Double.NaN})).isNaN();
    }

    @Test
    void metricNamesParseTheWayGatesWriteThem() {
        assertThat(Metric.parse("ndcg@10")).contains(Metric.NDCG_10);
        assertThat(Metric.parse("NDCG")).contains(Metric.NDCG_10);
        assertThat(Metric.parse("handoff_f1")).contains(Metric.HANDOFF_F1);
        assertThat(Metric.parse("p50")).contains(Metric.LATENCY_P50);
        assertThat(Metric.parse("latency_p95")).contains(Metric.LATENCY_P95);
        assertThat(Metric.parse("bleu")).isEmpty();
    }
}
