package dev.assist.triage.learn;

/**
 * How {@link ClassifierTrainer} fits a model.
 *
 * @param folds cross-validation folds used to report held-out numbers and to fit temperature, neighbour
 *              weight and threshold (at least 2)
 * @param l2 L2 regularisation of the softmax regression
 * @param embeddingScale multiplies the unit embedding (its weight against the n-gram block)
 * @param ngrams n-gram features, or null for embeddings only
 * @param knnK neighbours that vote (0 disables the vote)
 * @param knnTemperature softness of the vote over cosine similarities, or NaN to fit it on the held-out folds
 * @param knnWeight the vote's share in [0, 1], or NaN to fit it on the held-out folds
 * @param rejectionRate for data without out-of-scope rows: share of held-out in-scope rows the
 *                      threshold may reject (0 = never answer out_of_scope)
 * @param outOfScopeWeight for data with out-of-scope rows: the threshold maximises held-out in-scope
 *                         accuracy + this weight x out-of-scope recall
 * @param maxIterations L-BFGS iterations per fit
 * @param threads threads for training
 */
public record TrainingOptions(int folds, double l2, double embeddingScale, NgramConfig ngrams, int knnK,
                              double knnTemperature, double knnWeight, double rejectionRate, double outOfScopeWeight,
                              int maxIterations, int threads) {
    public TrainingOptions {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2");
        }
        if (!(l2 > 0) || !(embeddingScale >= 0) || knnK < 0 || !(knnTemperature > 0 || Double.isNaN(knnTemperature)) || maxIterations < 1) {
            throw new IllegalArgumentException("l2, knnTemperature (unless fitted) and maxIterations must be positive; scale and k not negative");
        }
        if (!Double.isNaN(knnWeight) && (knnWeight < 0 || knnWeight > 1)) {
            throw new IllegalArgumentException("knnWeight must be in [0, 1] or NaN (fit it)");
        }
        if (!(outOfScopeWeight >= 0)) {
            throw new IllegalArgumentException("outOfScopeWeight must not be negative");
        }
        if (rejectionRate < 0 || rejectionRate >= 0.5) {
            throw new IllegalArgumentException("rejectionRate must be in [0, 0.5)");
        }
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(5, 1e-4, 2.0, NgramConfig.defaults(), 10, Double.NaN, Double.NaN, 0.0, 0.5, 300, 0);
    }

    public TrainingOptions withFolds(int newFolds) {
        return new TrainingOptions(newFolds, l2, embeddingScale, ngrams, knnK, knnTemperature, knnWeight,
                rejectionRate, outOfScopeWeight, maxIterations, threads);
    }
}
