package dev.assist.triage.learn;

/**
 * Training rows for {@link SoftmaxRegression}: a dense part per row (a sentence embedding, already
 * scaled) and a sparse part (n-gram TF-IDF) over {@code sparseSize} features.
 */
record FeatureRows(float[][] dense, SparseVector[] sparse, int denseSize, int sparseSize) {
    FeatureRows {
        if (dense.length != sparse.length) {
            throw new IllegalArgumentException("dense and sparse parts differ in rows");
        }
    }

    int size() {
        return dense.length;
    }
}
