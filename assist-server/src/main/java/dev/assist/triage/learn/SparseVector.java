package dev.assist.triage.learn;

/** A sparse feature vector: sorted distinct indices and their values. */
public record SparseVector(int[] indices, float[] values) {
    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }
}
