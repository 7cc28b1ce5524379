package dev.assist.triage.learn;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readable part of a model file: what the model predicts, which embedding model its vectors
 * came from, and every fitted number (temperature, nearest-neighbour weight, out-of-scope
 * threshold) with the command and data that fitted them.
 *
 * @param kind what the model classifies ({@code intents}, {@code sentiment})
 * @param embeddingModel id of the embedding model the weights expect (see {@code Embedder.modelId()})
 * @param labels class names, index = class id
 * @param threshold below this top probability the answer is {@link Labels#OUT_OF_SCOPE} (0 = never)
 * @param temperature divides the linear model's logits (fitted on held-out folds)
 * @param knnTemperature softness of the neighbour vote over cosine similarities (fitted on held-out folds
 *                       unless given)
 * @param knnWeight share of the nearest-neighbour vote in the final probabilities
 * @param embeddingScale multiplies the unit embedding before the linear model
 * @param classBias added to each class's log-probability before the decision (fitted for macro-F1 on
 *                  held-out folds when a model has few classes; empty = none)
 * @param ngrams the n-gram features, or null when the model uses embeddings only
 * @param training how the model was built: command, data file, its SHA-256, rows, date, metrics
 */
public record ModelHeader(int format, String kind, String embeddingModel, int embeddingDimension,
                          List<String> labels, double threshold, double temperature,
                          int knnK, double knnTemperature, double knnWeight, double embeddingScale,
                          List<Double> classBias, NgramConfig ngrams, int vocabularySize, int memoryRows,
                          Map<String, Object> training) {
    /** The model file format this code writes and reads. */
    public static final int FORMAT = 1;
    /** Training record key: each label's share of the training rows. */
    public static final String LABEL_SHARES = "labelShares";
    /** Training record key: the languages of the training texts, as given to {@code ./assist train --languages}. */
    public static final String LANGUAGES = "languages";

    public ModelHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        labels = List.copyOf(labels);
        training = training == null ? Map.of() : Map.copyOf(training);
        classBias = classBias == null ? List.of() : List.copyOf(classBias);
        if (!classBias.isEmpty() && classBias.size() != labels.size()) {
            throw new IllegalArgumentException("classBias needs one value per label");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a model needs at least two labels");
        }
        if (temperature <= 0) {
            throw new IllegalArgumentException("temperature must be positive");
        }
    }

    /** The languages the model was trained on; empty when the training command did not say. */
    public Set<String> languages() {
        return training.get(LANGUAGES) instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()) : Set.of();
    }

    /** Each label's share of the training rows, in label order; empty for models trained before it was recorded. */
    public Optional<double[]> labelShares() {
        if (!(training.get(LABEL_SHARES) instanceof Map<?, ?> shares) || !shares.keySet().containsAll(labels)) {
            return Optional.empty();
        }
        double[] out = new double[labels.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = ((Number) shares.get(labels.get(c))).doubleValue();
        }
        return Optional.of(out);
    }

    public boolean detectsOutOfScope() {
        return threshold > 0 || labels.contains(Labels.OUT_OF_SCOPE);
    }
}
