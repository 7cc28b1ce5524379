package dev.assist.eval;

/**
 * Plain logistic regression by full-batch gradient descent with a little L2: enough for
 * calibrating a handful of confidence signals, and fully deterministic.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** Returns {@code [intercept, w1, ..., wn]} for raw (unscaled) features. */
    public static double[] fit(double[][] x, int[] y, double l2, int iterations) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(1e-9, Math.sqrt(scale[j]));
        }
        double[] w = new double[d + 1];
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] gradient = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double z = w[0];
                for (int j = 0; j < d; j++) {
                    z += w[j + 1] * (x[i][j] - mean[j]) / scale[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - y[i];
                gradient[0] += error / n;
                for (int j = 0; j < d; j++) {
                    gradient[j + 1] += error * (x[i][j] - mean[j]) / scale[j] / n;
                }
            }
            for (int j = 1; j <= d; j++) {
                gradient[j] += l2 * w[j];
            }
            for (int j = 0; j <= d; j++) {
                w[j] -= rate * gradient[j];
            }
        }
        // Back to raw features: z = b + sum w_j (x_j - m_j) / s_j.
        double[] raw = new double[d + 1];
        raw[0] = w[0];
        for (int j = 0; j < d; j++) {
            raw[j + 1] = w[j + 1] / scale[j];
            raw[0] -= w[j + 1] * mean[j] / scale[j];
        }
        return raw;
    }
}
