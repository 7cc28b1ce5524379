package dev.assist.eval.stats;

import dev.assist.eval.Aggregate;
import dev.assist.eval.Metric;
import java.util.SplittableRandom;

/**
 * Paired comparison of two configurations on the same rows: the difference B - A of a metric's
 * aggregate, a percentile bootstrap 95% confidence interval (rows resampled with replacement,
 * the same rows for A and B), and a two-sided paired permutation test (each row's A and B values
 * swapped at random; exact enumeration of all swaps when there are few rows).
 *
 * <p>Only rows on which the metric is defined for both configurations take part. The verdict is
 * "better" or "worse" when p &lt; alpha and the interval excludes 0 (both tests must agree), else
 * "no detectable difference". Seeded, so a report is reproducible.
 */
public final class PairedComparison {
    private final int resamples;
    private final double alpha;
    private final long seed;

    public PairedComparison(int resamples, double alpha, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100");
        }
        this.resamples = resamples;
        this.alpha = alpha;
        this.seed = seed;
    }

    public static PairedComparison defaults() {
        return new PairedComparison(2000, 0.05, 20_261_126L);
    }

    /** The comparison of one metric. */
    public record Result(int n, double a, double b, double difference, double ciLow, double ciHigh, double pValue,
                         Verdict verdict) {
    }

    public Result compare(Metric metric, double[] a, double[] b) {
        return compare(metric.aggregate(), metric.direction(), a, b);
    }

    public Result compare(Aggregate aggregate, Metric.Direction direction, double[] allA, double[] allB) {
        if (allA.length != allB.length) {
            throw new IllegalArgumentException("paired rows differ in number: " + allA.length + " vs " + allB.length);
        }
        int n = 0;
        for (int i = 0; i < allA.length; i++) {
            if (!Double.isNaN(allA[i]) && !Double.isNaN(allB[i])) {
                n++;
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0, j = 0; i < allA.length; i++) {
            if (!Double.isNaN(allA[i]) && !Double.isNaN(allB[i])) {
                a[j] = allA[i];
                b[j++] = allB[i];
            }
        }
        double valueA = aggregate.of(a);
        double valueB = aggregate.of(b);
        double observed = valueB - valueA;
        if (n == 0 || Double.isNaN(observed)) {
            return new Result(n, valueA, valueB, observed, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_COMPARABLE);
        }
        double[] ci = bootstrap(aggregate, a, b);
        double p = permutation(aggregate, a, b, observed);
        return new Result(n, valueA, valueB, observed, ci[0], ci[1], p, verdict(direction, observed, ci, p));
    }

    private Verdict verdict(Metric.Direction direction, double observed, double[] ci, double p) {
        boolean significant = p < alpha && (ci[0] > 0 || ci[1] < 0);
        if (!significant || observed == 0) {
            return Verdict.NO_DETECTABLE_DIFFERENCE;
        }
        boolean up = observed > 0;
        return switch (direction) {
            case HIGHER -> up ? Verdict.BETTER : Verdict.WORSE;
            case LOWER -> up ? Verdict.WORSE : Verdict.BETTER;
            case NEUTRAL -> up ? Verdict.HIGHER : Verdict.LOWER;
        };
    }

    /** Percentile interval of the resampled differences; resamples where the aggregate is undefined are skipped. */
    double[] bootstrap(Aggregate aggregate, double[] a, double[] b) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = a.length;
        double[] sa = new double[n];
        double[] sb = new double[n];
        double[] diffs = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                sa[i] = a[pick];
                sb[i] = b[pick];
            }
            double d = aggregate.of(sb) - aggregate.of(sa);
            if (!Double.isNaN(d)) {
                diffs[kept++] = d;
            }
        }
        if (kept == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = java.util.Arrays.copyOf(diffs, kept);
        java.util.Arrays.sort(sorted);
        return new double[] {quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2)};
    }

    /** Two-sided p-value: share of swap patterns whose |difference| reaches the observed one (+1 smoothing when sampled). */
    double permutation(Aggregate aggregate, double[] a, double[] b, double observed) {
        int n = a.length;
        double threshold = Math.abs(observed) - 1e-12;
        double[] pa = new double[n];
        double[] pb = new double[n];
        if (n <= 20 && (1L << n) <= resamples * 8L) {
            long patterns = 1L << n;
            long extreme = 0;
            for (long mask = 0; mask < patterns; mask++) {
                for (int i = 0; i < n; i++) {
                    boolean swap = (mask >>> i & 1) == 1;
                    pa[i] = swap ? b[i] : a[i];
                    pb[i] = swap ? a[i] : b[i];
                }
                double d = aggregate.of(pb) - aggregate.of(pa);
                if (!Double.isNaN(d) && Math.abs(d) >= threshold) {
                    extreme++;
                }
            }
            return (double) extreme / patterns;
        }
        SplittableRandom random = new SplittableRandom(seed + 1);
        long extreme = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                boolean swap = random.nextBoolean();
                pa[i] = swap ? b[i] : a[i];
                pb[i] = swap ? a[i] : b[i];
            }
            double d = aggregate.of(pb) - aggregate.of(pa);
            if (!Double.isNaN(d) && Math.abs(d) >= threshold) {
                extreme++;
            }
        }
        return (extreme + 1.0) / (resamples + 1.0);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
