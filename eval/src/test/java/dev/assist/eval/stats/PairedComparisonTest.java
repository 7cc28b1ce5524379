package dev.assist.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assist.eval.Aggregate;
import dev.assist.eval.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The A/B statistics on synthetic data whose answer is known. */
class PairedComparisonTest {
    private final PairedComparison stats = new PairedComparison(1000, 0.05, 7);

    @Test
    void aRealImprovementIsBetterWithAnIntervalAroundTheTrueDifference() {
        Random random = new Random(1);
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble();
            b[i] = a[i] + 0.1 + random.nextGaussian() * 0.05; // true paired difference 0.1
        }
        var result = stats.compare(Metric.NDCG_10, a, b);

        assertThat(result.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(result.difference()).isCloseTo(0.1, within(0.01));
        assertThat(result.ciLow()).isBetween(0.08, 0.1);
        assertThat(result.ciHigh()).isBetween(0.1, 0.12);
        assertThat(result.pValue()).isLessThan(0.01);
        assertThat(stats.compare(Metric.NDCG_10, b, a).verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void lowerLatencyIsBetterAndTheHandoffRateOnlyHigherOrLower() {
        double[] slow = new double[200];
        double[] fast = new double[200];
        Random random = new Random(2);
        for (int i = 0; i < slow.length; i++) {
            slow[i] = 100 + random.nextGaussian() * 10;
            fast[i] = slow[i] * 0.7;
        }
        assertThat(stats.compare(Metric.LATENCY_P50, slow, fast).verdict()).isEqualTo(Verdict.BETTER);
        assertThat(stats.compare(Metric.LATENCY_P50, fast, slow).verdict()).isEqualTo(Verdict.WORSE);
        double[] never = new double[200];
        double[] often = new double[200];
        for (int i = 0; i < often.length; i++) {
            often[i] = i % 2;
        }
        assertThat(stats.compare(Metric.HANDOFF_RATE, never, often).verdict()).isEqualTo(Verdict.HIGHER);
    }

    @Test
    void identicalDistributionsRarelyLookDifferent() {
        // Under the null hypothesis about 5% of comparisons may come out significant; far more would be a broken test.
        Random random = new Random(3);
        int trials = 200;
        int significant = 0;
        int covered = 0;
        PairedComparison fast = new PairedComparison(400, 0.05, 11);
        for (int t = 0; t < trials; t++) {
            double[] a = new double[60];
            double[] b = new double[60];
            for (int i = 0; i < a.length; i++) {
                double difficulty = random.nextDouble();
                a[i] = difficulty + random.nextGaussian() * 0.2;
                b[i] = difficulty + random.nextGaussian() * 0.2;
            }
            var result = fast.compare(Aggregate.MEAN, Metric.Direction.HIGHER, a, b);
            if (result.verdict() != Verdict.NO_DETECTABLE_DIFFERENCE) {
                significant++;
            }
            if (result.ciLow() <= 0 && result.ciHigh() >= 0) {
                covered++;
            }
        }
        assertThat(significant).isLessThanOrEqualTo(trials * 10 / 100);
        assertThat((double) covered / trials).isBetween(0.88, 0.99);
    }

    @Test
    void fewRowsAreTestedExactly() {
        // Five rows, B always 1 higher: of the 2^5 swap patterns only "none" and "all" reach |difference| 1.
        double[] a = {0, 0, 0, 0, 0};
        double[] b = {1, 1, 1, 1, 1};
        var result = stats.compare(Aggregate.MEAN, Metric.Direction.HIGHER, a, b);
        assertThat(result.pValue()).isEqualTo(2 / 32.0);
        assertThat(result.verdict()).isEqualTo(Verdict.NO_DETECTABLE_DIFFERENCE);
        assertThat(result.difference()).isEqualTo(1.0);
    }

    @Test
    void rowsUndefinedOnEitherSideAreLeftOutAndNothingSharedIsNotComparable() {
        double[] a = {1, Double.NaN, 0.5, Double.NaN};
        double[] b = {1, 0.2, Double.NaN, Double.NaN};
        var result = stats.compare(Metric.GROUNDEDNESS, a, b);
        assertThat(result.n()).isEqualTo(1);
        var none = stats.compare(Metric.GROUNDEDNESS, new double[] {Double.NaN}, new double[] {1});
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
        assertThat(none.n()).isZero();
    }

    @Test
    void aBetterHandoffClassifierWinsOnF1() {
        int n = 200;
        double[] a = new double[n];
        double[] b = new double[n];
        Random random = new Random(4);
        for (int i = 0; i < n; i++) {
            boolean shouldHandOff = i % 4 == 0;
            boolean aHandsOff = random.nextDouble() < (shouldHandOff ? 0.4 : 0.2);
            boolean bHandsOff = random.nextDouble() < (shouldHandOff ? 0.95 : 0.03);
            a[i] = Aggregate.code(aHandsOff, shouldHandOff);
            b[i] = Aggregate.code(bHandsOff, shouldHandOff);
        }
        var result = stats.compare(Metric.HANDOFF_F1, a, b);
        assertThat(result.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(result.b()).isGreaterThan(0.8);
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        double[] a = new Random(5).doubles(50).toArray();
        double[] b = new Random(6).doubles(50).toArray();
        assertThat(stats.compare(Metric.MRR_10, a, b)).isEqualTo(new PairedComparison(1000, 0.05, 7).compare(Metric.MRR_10, a, b));
    }
}
