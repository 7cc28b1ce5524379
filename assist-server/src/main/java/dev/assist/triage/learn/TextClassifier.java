package dev.assist.triage.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;

/**
 * A trained text classifier: a calibrated softmax regression over the sentence embedding and n-gram
 * TF-IDF features, mixed with a nearest-neighbour vote over the training embeddings, and an
 * out-of-scope threshold on the top probability. Immutable and thread-safe; see {@link ModelFile}
 * for the file it lives in and {@link ClassifierTrainer} for how it is fitted.
 */
public final class TextClassifier {
    private final ModelHeader header;
    private final NgramFeatures ngrams;
    private final SoftmaxRegression regression;
    private final float[][] memory;
    private final int[] memoryLabels;

    public TextClassifier(ModelHeader header, NgramFeatures ngrams, SoftmaxRegression regression,
                          float[][] memory, int[] memoryLabels) {
        this.header = Objects.requireNonNull(header, "header");
        this.ngrams = ngrams;
        this.regression = Objects.requireNonNull(regression, "regression");
        this.memory = memory == null ? new float[0][] : memory;
        this.memoryLabels = memoryLabels == null ? new int[0] : memoryLabels;
        if (regression.classes() != header.labels().size()) {
            throw new IllegalArgumentException("weights have " + regression.classes() + " classes, header names "
                    + header.labels().size());
        }
    }

    public ModelHeader header() {
        return header;
    }

    public List<String> labels() {
        return header.labels();
    }

    /** Class probabilities for a text and its unit embedding, in label order. */
    public double[] probabilities(String text, float[] embedding) {
        if (embedding.length != header.embeddingDimension()) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, the model expects "
                    + header.embeddingDimension());
        }
        double[] logits = regression.logits(scaled(embedding, header.embeddingScale()), sparse(text));
        double[] knn = header.knnWeight() > 0
                ? knnProbabilities(embedding, memory, memoryLabels, labels().size(), header.knnK(),
                        header.knnTemperature(), -1)
                : null;
        return applyBias(mix(logits, knn, header.temperature(), header.knnWeight()), header.classBias());
    }

    /** {@code p_c * exp(b_c)}, renormalised; no-op without biases. */
    static double[] applyBias(double[] p, List<Double> bias) {
        if (bias.isEmpty()) {
            return p;
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] *= Math.exp(bias.get(c));
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The decided label and all labels ranked. */
    public Classification classify(String text, float[] embedding) {
        return decide(probabilities(text, embedding));
    }

    Classification decide(double[] probabilities) {
        List<LabelScore> ranked = new ArrayList<>(probabilities.length);
        for (int c = 0; c < probabilities.length; c++) {
            ranked.add(new LabelScore(labels().get(c), probabilities[c]));
        }
        ranked.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        LabelScore top = ranked.get(0);
        String label = top.score() < header.threshold() ? Labels.OUT_OF_SCOPE : top.label();
        return new Classification(label, top.score(), ranked);
    }

    SparseVector sparse(String text) {
        return ngrams == null ? SparseVector.EMPTY : ngrams.transform(text);
    }

    static float[] scaled(float[] embedding, double scale) {
        float[] out = new float[embedding.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (embedding[i] * scale);
        }
        return out;
    }

    /** softmax(logits / temperature) mixed with the neighbour vote: {@code (1 - w) * p + w * knn}. */
    static double[] mix(double[] logits, double[] knn, double temperature, double knnWeight) {
        double[] p = new double[logits.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = logits[c] / temperature;
        }
        SoftmaxRegression.softmaxInPlace(p);
        if (knn != null && knnWeight > 0) {
            for (int c = 0; c < p.length; c++) {
                p[c] = (1 - knnWeight) * p[c] + knnWeight * knn[c];
            }
        }
        return p;
    }

    /**
     * Vote of the {@code k} most similar memory rows, each weighted by {@code exp(cosine / temperature)};
     * row {@code exclude} is skipped (for leave-one-out use).
     */
    static double[] knnProbabilities(float[] query, float[][] memory, int[] labels, int classes, int k,
                                     double temperature, int exclude) {
        return nearest(query, memory, labels, k, exclude).vote(classes, temperature);
    }

    /** The {@code k} memory rows most similar to {@code query} (row {@code exclude} skipped), most similar first. */
    static Neighbours nearest(float[] query, float[][] memory, int[] labels, int k, int exclude) {
        int size = Math.min(k, memory.length);
        float[] bestScore = new float[Math.max(size, 0)];
        int[] bestRow = new int[bestScore.length];
        java.util.Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(bestRow, -1);
        for (int r = 0; r < memory.length && size > 0; r++) {
            if (r == exclude) {
                continue;
            }
            float s = VectorUtil.dotProduct(query, memory[r]);
            if (s <= bestScore[size - 1]) {
                continue;
            }
            int pos = size - 1;
            while (pos > 0 && bestScore[pos - 1] < s) {
                bestScore[pos] = bestScore[pos - 1];
                bestRow[pos] = bestRow[pos - 1];
                pos--;
            }
            bestScore[pos] = s;
            bestRow[pos] = r;
        }
        int found = 0;
        while (found < bestRow.length && bestRow[found] >= 0) {
            found++;
        }
        int[] classIds = new int[found];
        for (int i = 0; i < found; i++) {
            classIds[i] = labels[bestRow[i]];
        }
        return new Neighbours(java.util.Arrays.copyOf(bestScore, found), classIds);
    }

    /** A query's nearest memory rows: their cosine similarities (descending) and class ids. */
    record Neighbours(float[] similarities, int[] classIds) {
        /** Class shares of the vote, each neighbour weighted by {@code exp((cosine - best cosine) / temperature)}. */
        double[] vote(int classes, double temperature) {
            double[] votes = new double[classes];
            if (similarities.length == 0) {
                return votes;
            }
            double total = 0;
            for (int i = 0; i < similarities.length; i++) {
                double w = Math.exp((similarities[i] - similarities[0]) / temperature);
                votes[classIds[i]] += w;
                total += w;
            }
            for (int c = 0; c < classes; c++) {
                votes[c] /= total;
            }
            return votes;
        }
    }

    NgramFeatures ngrams() {
        return ngrams;
    }

    SoftmaxRegression regression() {
        return regression;
    }

    float[][] memory() {
        return memory;
    }

    int[] memoryLabels() {
        return memoryLabels;
    }

    /** Rough heap held by the model: weights, vocabulary and neighbour memory. */
    public long approximateBytes() {
        long bytes = 4L * regression.weights().length + 4L * memory.length * header.embeddingDimension()
                + 4L * memoryLabels.length;
        if (ngrams != null) {
            bytes += ngrams.size() * 100L; // term string, map entry, idf
        }
        return bytes;
    }
}
