package dev.assist.eval;

import java.util.Arrays;

/**
 * How a metric turns per-row observations into one number. NaN observations (the metric does
 * not apply to that row) are left out. The hand-off aggregates read an observation as a
 * confusion code: {@link #TRUE_NEGATIVE}, {@link #FALSE_POSITIVE}, {@link #FALSE_NEGATIVE},
 * {@link #TRUE_POSITIVE}, where positive means "handed off".
 */
public enum Aggregate {
    MEAN,
    PRECISION,
    RECALL,
    F1,
    P50,
    P95,
    P99;

    public static final double TRUE_NEGATIVE = 0;
    public static final double FALSE_POSITIVE = 1;
    public static final double FALSE_NEGATIVE = 2;
    public static final double TRUE_POSITIVE = 3;

    /** The confusion code of one decision. */
    public static double code(boolean predictedPositive, boolean actualPositive) {
        if (predictedPositive) {
            return actualPositive ? TRUE_POSITIVE : FALSE_POSITIVE;
        }
        return actualPositive ? FALSE_NEGATIVE : TRUE_NEGATIVE;
    }

    /** The aggregate of the given observations; NaN when it is undefined (no rows, no positives ...). */
    public double of(double[] values) {
        return switch (this) {
            case MEAN -> mean(values);
            case PRECISION, RECALL, F1 -> confusion(values);
            case P50 -> percentile(values, 50);
            case P95 -> percentile(values, 95);
            case P99 -> percentile(values, 99);
        };
    }

    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double confusion(double[] values) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (double v : values) {
            if (v == TRUE_POSITIVE) {
                tp++;
            } else if (v == FALSE_POSITIVE) {
                fp++;
            } else if (v == FALSE_NEGATIVE) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        return switch (this) {
            case PRECISION -> precision;
            case RECALL -> recall;
            default -> {
                if (tp + fn == 0) {
                    yield Double.NaN;
                }
                yield tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            }
        };
    }

    /** Nearest-rank percentile of the defined values. */
    public static double percentile(double[] values, double p) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
