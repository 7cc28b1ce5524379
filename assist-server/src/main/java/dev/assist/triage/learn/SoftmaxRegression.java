package dev.assist.triage.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.util.VectorUtil;

/**
 * Multinomial logistic regression over a dense and a sparse feature block, trained with L2-regularised
 * log-loss by {@link Lbfgs}. The weights are kept as floats: they are the model file's payload.
 *
 * <p>Layout: dense weights class-major ({@code classes x denseSize}), sparse weights feature-major
 * ({@code sparseSize x classes}, so a row touches one contiguous run per active feature), then biases.
 */
public final class SoftmaxRegression {
    private final int classes;
    private final int denseSize;
    private final int sparseSize;
    private final float[] weights;
    private int iterations;

    SoftmaxRegression(int classes, int denseSize, int sparseSize, float[] weights) {
        if (weights.length != parameterCount(classes, denseSize, sparseSize)) {
            throw new IllegalArgumentException("expected " + parameterCount(classes, denseSize, sparseSize)
                    + " weights, got " + weights.length);
        }
        this.classes = classes;
        this.denseSize = denseSize;
        this.sparseSize = sparseSize;
        this.weights = weights;
    }

    static int parameterCount(int classes, int denseSize, int sparseSize) {
        long count = (long) classes * denseSize + (long) sparseSize * classes + classes;
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("model too large: " + count + " weights");
        }
        return (int) count;
    }

    /** Trains on {@code rows} with labels {@code y} in {@code 0..classes-1}; {@code l2} is the regularisation strength. */
    public static SoftmaxRegression train(FeatureRows rows, int[] y, int classes, double l2, int maxIterations,
                                          ExecutorService pool, int threads) {
        int n = rows.size();
        int p = parameterCount(classes, rows.denseSize(), rows.sparseSize());
        double[] x = new double[p];
        int parts = Math.max(1, Math.min(threads, n / 64 + 1));
        double[][] partial = new double[parts][];
        Lbfgs.Objective objective = (params, gradient) -> {
            List<Future<Double>> futures = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                int from = (int) ((long) n * part / parts);
                int to = (int) ((long) n * (part + 1) / parts);
                int slot = part;
                futures.add(pool.submit(() -> {
                    if (partial[slot] == null) {
                        partial[slot] = new double[p];
                    } else {
                        java.util.Arrays.fill(partial[slot], 0);
                    }
                    return lossAndGradient(params, partial[slot], rows, y, classes, from, to);
                }));
            }
            double loss = 0;
            for (Future<Double> future : futures) {
                loss += await(future);
            }
            java.util.Arrays.fill(gradient, 0);
            for (double[] g : partial) {
                for (int i = 0; i < p; i++) {
                    gradient[i] += g[i];
                }
            }
            loss /= n;
            int biases = p - classes;
            for (int i = 0; i < p; i++) {
                gradient[i] /= n;
                if (i < biases) {
                    gradient[i] += l2 * params[i];
                    loss += 0.5 * l2 * params[i] * params[i];
                }
            }
            return loss;
        };
        int iterations = new Lbfgs(8, maxIterations, 1e-7).minimize(objective, x);
        float[] weights = new float[p];
        for (int i = 0; i < p; i++) {
            weights[i] = (float) x[i];
        }
        SoftmaxRegression model = new SoftmaxRegression(classes, rows.denseSize(), rows.sparseSize(), weights);
        model.iterations = iterations;
        return model;
    }

    private static double lossAndGradient(double[] w, double[] g, FeatureRows rows, int[] y, int classes,
                                          int from, int to) {
        int d = rows.denseSize();
        int sparseOffset = classes * d;
        int biasOffset = sparseOffset + rows.sparseSize() * classes;
        // The dense block runs in float with Lucene's SIMD dot product; its gradient is summed in float
        // per call (one fold slice), which is precise enough for the optimiser and several times faster.
        float[][] dense = new float[classes][d];
        float[][] denseGradient = new float[classes][d];
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < d; k++) {
                dense[c][k] = (float) w[c * d + k];
            }
        }
        double[] logits = new double[classes];
        double loss = 0;
        for (int r = from; r < to; r++) {
            float[] row = rows.dense()[r];
            SparseVector sparse = rows.sparse()[r];
            for (int c = 0; c < classes; c++) {
                logits[c] = w[biasOffset + c] + (d == 0 ? 0 : VectorUtil.dotProduct(dense[c], row));
            }
            int[] idx = sparse.indices();
            float[] val = sparse.values();
            for (int k = 0; k < idx.length; k++) {
                int base = sparseOffset + idx[k] * classes;
                double v = val[k];
                for (int c = 0; c < classes; c++) {
                    logits[c] += w[base + c] * v;
                }
            }
            double logSum = softmaxInPlace(logits);
            loss -= Math.log(Math.max(logits[y[r]], 1e-300));
            if (Double.isNaN(logSum)) {
                throw new IllegalStateException("training diverged (NaN loss)");
            }
            logits[y[r]] -= 1; // now p - onehot
            for (int c = 0; c < classes; c++) {
                float err = (float) logits[c];
                float[] target = denseGradient[c];
                for (int k = 0; k < d; k++) {
                    target[k] += err * row[k];
                }
                g[biasOffset + c] += logits[c];
            }
            for (int k = 0; k < idx.length; k++) {
                int base = sparseOffset + idx[k] * classes;
                double v = val[k];
                for (int c = 0; c < classes; c++) {
                    g[base + c] += logits[c] * v;
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < d; k++) {
                g[c * d + k] += denseGradient[c][k];
            }
        }
        return loss;
    }


    /** Replaces logits by softmax probabilities; returns log-sum-exp. */
    static double softmaxInPlace(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
        return max + Math.log(sum);
    }

    /** Raw class scores (logits) for one row. */
    public double[] logits(float[] dense, SparseVector sparse) {
        double[] logits = new double[classes];
        int sparseOffset = classes * denseSize;
        int biasOffset = sparseOffset + sparseSize * classes;
        for (int c = 0; c < classes; c++) {
            double z = weights[biasOffset + c];
            int base = c * denseSize;
            for (int k = 0; k < denseSize; k++) {
                z += weights[base + k] * dense[k];
            }
            logits[c] = z;
        }
        int[] idx = sparse.indices();
        float[] val = sparse.values();
        for (int k = 0; k < idx.length; k++) {
            int base = sparseOffset + idx[k] * classes;
            for (int c = 0; c < classes; c++) {
                logits[c] += weights[base + c] * val[k];
            }
        }
        return logits;
    }

    /** L-BFGS iterations the fit took (0 for a loaded model). */
    public int iterations() {
        return iterations;
    }

    public int classes() {
        return classes;
    }

    public int denseSize() {
        return denseSize;
    }

    public int sparseSize() {
        return sparseSize;
    }

    float[] weights() {
        return weights;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
