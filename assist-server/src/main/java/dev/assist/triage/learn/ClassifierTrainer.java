package dev.assist.triage.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits a {@link TextClassifier}: stratified k-fold cross-validation gives held-out predictions for
 * every row; on those the trainer fits the softmax temperature (least log-loss), the neighbour vote's
 * weight (best accuracy) and the out-of-scope threshold, and reports held-out metrics; then it
 * trains the final model on all rows. The three fitted scalars are written into the model header.
 */
public final class ClassifierTrainer {
    private static final double[] KNN_WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    /** Vote temperatures tried when none is given: from nearly "the closest neighbour decides" to a soft vote. */
    private static final double[] KNN_TEMPERATURES = {0.005, 0.01, 0.02, 0.03, 0.05, 0.1};
    /** Class biases are fitted (for macro-F1) only for models with this many classes or fewer, such as sentiment. */
    private static final int MAX_CLASSES_FOR_BIAS = 10;
    /** The vote's temperature when it is neither given nor fitted (no vote). */
    private static final double DEFAULT_KNN_TEMPERATURE = 0.05;
    private final TrainingOptions options;
    private final Consumer<String> log;

    public ClassifierTrainer(TrainingOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** A trained model, its cross-validated metrics and the held-out predictions they came from. */
    public record Result(TextClassifier model, ClassifierMetrics crossValidation, HeldOut heldOut) {
    }

    /**
     * Every training row's cross-validation fold, class id, held-out regression logits and neighbour
     * vote (in row order, class ids index the model's labels): the raw material of the fitted scalars,
     * kept for analysis.
     */
    public record HeldOut(int[] fold, int[] classIds, double[][] logits, double[][] knn) {
    }

    /**
     * Trains on rows and their unit embeddings (same order). {@code provenance} (command, data file, hash)
     * goes into the header's training record.
     */
    public Result train(String kind, List<LabeledText> rows, List<float[]> embeddings, String embeddingModel,
                        Map<String, Object> provenance) {
        if (rows.size() != embeddings.size()) {
            throw new IllegalArgumentException("rows and embeddings differ in number");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(rows.stream().map(LabeledText::label).toList()));
        if (labels.size() < 2) {
            throw new TrainingDataException("training data has one class ('" + labels.get(0)
                    + "'): a classifier needs examples of at least two labels");
        }
        int n = rows.size();
        int classes = labels.size();
        int dimension = embeddings.get(0).length;
        int[] y = rows.stream().mapToInt(row -> Collections.binarySearch(labels, row.label())).toArray();
        String[] texts = rows.stream().map(LabeledText::text).toArray(String[]::new);
        float[][] vectors = embeddings.toArray(float[][]::new);
        int oos = labels.indexOf(Labels.OUT_OF_SCOPE);

        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "triage-train");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int[] fold = stratifiedFolds(y, classes, options.folds());
            double[][] oofLogits = new double[n][];
            TextClassifier.Neighbours[] oofNeighbours = new TextClassifier.Neighbours[n];
            for (int f = 0; f < options.folds(); f++) {
                long start = System.nanoTime();
                int current = f;
                int[] train = IntStream.range(0, n).filter(i -> fold[i] != current).toArray();
                int[] test = IntStream.range(0, n).filter(i -> fold[i] == current).toArray();
                Fit fit = fit(train, texts, vectors, y, classes, pool);
                float[][] memory = Arrays.stream(train).mapToObj(i -> vectors[i]).toArray(float[][]::new);
                int[] memoryLabels = Arrays.stream(train).map(i -> y[i]).toArray();
                IntStream.of(test).parallel().forEach(i -> {
                    oofLogits[i] = fit.regression.logits(
                            TextClassifier.scaled(vectors[i], options.embeddingScale()),
                            fit.ngrams == null ? SparseVector.EMPTY : fit.ngrams.transform(texts[i]));
                    oofNeighbours[i] = TextClassifier.nearest(vectors[i], memory, memoryLabels, options.knnK(), -1);
                });
                log.accept(String.format(Locale.ROOT, "fold %d/%d: %d train, %d held out, %d features, %d iterations, %.1f s",
                        f + 1, options.folds(), train.length, test.length, fit.ngrams == null ? 0 : fit.ngrams.size(),
                        fit.regression.iterations(), (System.nanoTime() - start) / 1e9));
            }
            double temperature = fitTemperature(oofLogits, y);
            Calibration calibration = fitMixAndThreshold(oofLogits, oofNeighbours, y, temperature, oos);
            double[][] oofKnn = votes(oofNeighbours, classes, calibration.knnTemperature);
            List<Double> bias = oos < 0 && classes <= MAX_CLASSES_FOR_BIAS
                    ? fitClassBias(oofLogits, oofKnn, y, temperature, calibration.knnWeight) : List.of();
            if (!bias.isEmpty()) {
                log.accept("class biases for macro-F1: " + bias);
            }
            List<String> gold = new ArrayList<>(n);
            List<String> predicted = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double[] p = TextClassifier.applyBias(
                        TextClassifier.mix(oofLogits[i], oofKnn[i], temperature, calibration.knnWeight), bias);
                gold.add(labels.get(y[i]));
                predicted.add(decide(p, labels, calibration.threshold));
            }
            ClassifierMetrics metrics = ClassifierMetrics.of(gold, predicted);
            log.accept(String.format(Locale.ROOT,
                    "fitted on held-out folds: temperature %.3f, knn temperature %s, knn weight %.2f, threshold %.4f",
                    temperature, calibration.knnTemperature, calibration.knnWeight, calibration.threshold));

            long start = System.nanoTime();
            Fit all = fit(IntStream.range(0, n).toArray(), texts, vectors, y, classes, pool);
            log.accept(String.format(Locale.ROOT, "final model on %d rows: %.1f s", n, (System.nanoTime() - start) / 1e9));
            Map<String, Object> training = new LinkedHashMap<>(provenance);
            training.put("rows", n);
            training.put(ModelHeader.LABEL_SHARES, labelShares(y, labels));
            training.put("options", options.toString());
            training.put("crossValidation", cvRecord(metrics));
            boolean keepMemory = calibration.knnWeight > 0;
            ModelHeader header = new ModelHeader(ModelHeader.FORMAT, kind, embeddingModel, dimension, labels,
                    calibration.threshold, temperature, options.knnK(), calibration.knnTemperature, calibration.knnWeight,
                    options.embeddingScale(), bias, options.ngrams(), all.ngrams == null ? 0 : all.ngrams.size(),
                    keepMemory ? n : 0, training);
            TextClassifier model = new TextClassifier(header, all.ngrams, all.regression,
                    keepMemory ? vectors : null, keepMemory ? y : null);
            return new Result(model, metrics, new HeldOut(fold, y, oofLogits, oofKnn));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Fit(NgramFeatures ngrams, SoftmaxRegression regression) {
    }

    private record Calibration(double knnTemperature, double knnWeight, double threshold) {
    }

    private Fit fit(int[] rowsToUse, String[] texts, float[][] vectors, int[] y, int classes, ExecutorService pool) {
        NgramFeatures ngrams = options.ngrams() == null ? null
                : NgramFeatures.fit(options.ngrams(), Arrays.stream(rowsToUse).mapToObj(i -> texts[i]).toList());
        float[][] dense = new float[rowsToUse.length][];
        SparseVector[] sparse = new SparseVector[rowsToUse.length];
        int[] labels = new int[rowsToUse.length];
        IntStream.range(0, rowsToUse.length).parallel().forEach(k -> {
            int i = rowsToUse[k];
            dense[k] = TextClassifier.scaled(vectors[i], options.embeddingScale());
            sparse[k] = ngrams == null ? SparseVector.EMPTY : ngrams.transform(texts[i]);
            labels[k] = y[i];
        });
        FeatureRows rows = new FeatureRows(dense, sparse, vectors[0].length, ngrams == null ? 0 : ngrams.size());
        SoftmaxRegression regression = SoftmaxRegression.train(rows, labels, classes, options.l2(),
                options.maxIterations(), pool, options.threads());
        return new Fit(ngrams, regression);
    }

    static String decide(double[] p, List<String> labels, double threshold) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return p[best] < threshold ? Labels.OUT_OF_SCOPE : labels.get(best);
    }

    /** Stratified: each label's rows, shuffled with a fixed seed, dealt round-robin over the folds. */
    static int[] stratifiedFolds(int[] y, int classes, int folds) {
        int[] fold = new int[y.length];
        Random random = new Random(42);
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int member : members) {
                fold[member] = next++ % folds;
            }
        }
        return fold;
    }

    /** Temperature with the least held-out log-loss, on a log grid from 0.2 to 5. */
    static double fitTemperature(double[][] logits, int[] y) {
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 64; step++) {
            double t = 0.2 * Math.pow(25, step / 64.0);
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] p = TextClassifier.mix(logits[i], null, t, 0);
                loss -= Math.log(Math.max(p[y[i]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /**
     * The neighbour vote's temperature and weight (best held-out score) and the threshold; the
     * regression's temperature is fitted before, for log-loss alone.
     */
    private Calibration fitMixAndThreshold(double[][] logits, TextClassifier.Neighbours[] neighbours, int[] y,
                                           double temperature, int oos) {
        boolean vote = options.knnK() > 0;
        double[] weights = !vote ? new double[] {0}
                : Double.isNaN(options.knnWeight()) ? KNN_WEIGHTS : new double[] {options.knnWeight()};
        double[] knnTemperatures = !vote || !Double.isNaN(options.knnTemperature())
                ? new double[] {Double.isNaN(options.knnTemperature()) ? DEFAULT_KNN_TEMPERATURE : options.knnTemperature()}
                : KNN_TEMPERATURES;
        int classes = logits[0].length;
        Calibration best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double knnTemperature : knnTemperatures) {
            double[][] knn = votes(neighbours, classes, knnTemperature);
            for (double w : weights) {
                if (w == 0 && knnTemperature != knnTemperatures[0]) {
                    continue; // without the vote its temperature does not matter
                }
                double[][] p = new double[y.length][];
                for (int i = 0; i < y.length; i++) {
                    p[i] = TextClassifier.mix(logits[i], knn[i], temperature, w);
                }
                double threshold;
                double score;
                if (oos >= 0) {
                    double[] fitted = bestOutOfScopeThreshold(p, y, oos, options.outOfScopeWeight());
                    threshold = fitted[0];
                    score = fitted[1];
                } else {
                    threshold = rejectionThreshold(p, y);
                    score = accuracy(p, y, threshold);
                }
                log.accept(String.format(Locale.ROOT, "  knn temperature %s, weight %.1f: held-out score %.4f (threshold %.4f)",
                        knnTemperature, w, score, threshold));
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = new Calibration(knnTemperature, w, threshold);
                }
            }
        }
        return best;
    }

    private static double[][] votes(TextClassifier.Neighbours[] neighbours, int classes, double knnTemperature) {
        double[][] knn = new double[neighbours.length][];
        IntStream.range(0, neighbours.length).parallel()
                .forEach(i -> knn[i] = neighbours[i].vote(classes, knnTemperature));
        return knn;
    }

    private static double accuracy(double[][] p, int[] y, double threshold) {
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            int top = argmax(p[i]);
            correct += top == y[i] && p[i][top] >= threshold ? 1 : 0;
        }
        return (double) correct / y.length;
    }

    /** For data with out-of-scope rows: the threshold that maximises in-scope accuracy + weight x out-of-scope recall. */
    private static double[] bestOutOfScopeThreshold(double[][] p, int[] y, int oos, double weight) {
        int[] top = new int[y.length];
        double[] maxima = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            top[i] = argmax(p[i]);
            maxima[i] = p[i][top[i]];
        }
        double[] candidates = Arrays.stream(maxima).sorted().distinct().toArray();
        double bestThreshold = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int stride = Math.max(1, candidates.length / 400);
        for (int k = 0; k <= candidates.length; k += stride) {
            double t = k == 0 ? 0 : candidates[Math.min(k, candidates.length - 1)];
            int inScope = 0;
            int inScopeCorrect = 0;
            int outOfScope = 0;
            int outOfScopeCaught = 0;
            for (int i = 0; i < y.length; i++) {
                boolean saysOos = top[i] == oos || maxima[i] < t;
                if (y[i] == oos) {
                    outOfScope++;
                    outOfScopeCaught += saysOos ? 1 : 0;
                } else {
                    inScope++;
                    inScopeCorrect += !saysOos && top[i] == y[i] ? 1 : 0;
                }
            }
            double score = (double) inScopeCorrect / Math.max(1, inScope) + weight * outOfScopeCaught / Math.max(1, outOfScope);
            if (score > bestScore) {
                bestScore = score;
                bestThreshold = t;
            }
        }
        return new double[] {bestThreshold, bestScore};
    }

    /** For data without out-of-scope rows: the top-probability quantile that rejects {@code rejectionRate} of rows. */
    private double rejectionThreshold(double[][] p, int[] y) {
        if (options.rejectionRate() <= 0) {
            return 0;
        }
        double[] maxima = Arrays.stream(p).mapToDouble(row -> row[argmax(row)]).sorted().toArray();
        return maxima[(int) Math.floor(options.rejectionRate() * (maxima.length - 1))];
    }

    /** Coordinate ascent on per-class log-probability offsets, maximising held-out macro-F1. */
    private static List<Double> fitClassBias(double[][] logits, double[][] knn, int[] y, double temperature, double knnWeight) {
        int classes = logits[0].length;
        double[][] logP = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            double[] p = TextClassifier.mix(logits[i], knn[i], temperature, knnWeight);
            logP[i] = Arrays.stream(p).map(v -> Math.log(Math.max(v, 1e-12))).toArray();
        }
        double[] bias = new double[classes];
        double best = macroF1(logP, y, bias);
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < classes; c++) {
                double keep = bias[c];
                double bestValue = keep;
                for (int step = -20; step <= 20; step++) {
                    bias[c] = step * 0.05;
                    double f1 = macroF1(logP, y, bias);
                    if (f1 > best + 1e-9) {
                        best = f1;
                        bestValue = bias[c];
                    }
                }
                bias[c] = bestValue;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double b : bias) {
            out.add(Math.round(b * 1000) / 1000.0);
        }
        return out;
    }

    private static double macroF1(double[][] logP, int[] y, double[] bias) {
        int classes = bias.length;
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logP[i][c] + bias[c] > logP[i][best] + bias[best]) {
                    best = c;
                }
            }
            if (best == y[i]) {
                tp[best]++;
            } else {
                fp[best]++;
                fn[y[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (tp[c] + fn[c] > 0) {
                present++;
                sum += tp[c] == 0 ? 0 : 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
            }
        }
        return sum / present;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Each label's share of the training rows (the base rates a model falls back to where it cannot read a text). */
    private static Map<String, Double> labelShares(int[] y, List<String> labels) {
        int[] counts = new int[labels.size()];
        for (int label : y) {
            counts[label]++;
        }
        Map<String, Double> shares = new TreeMap<>();
        for (int c = 0; c < counts.length; c++) {
            shares.put(labels.get(c), round((double) counts[c] / y.length));
        }
        return shares;
    }

    private static Map<String, Object> cvRecord(ClassifierMetrics metrics) {
        Map<String, Object> record = new TreeMap<>();
        record.put("accuracy", round(metrics.accuracy()));
        record.put("macroF1", round(metrics.macroF1()));
        if (metrics.outOfScopeRows() > 0) {
            record.put("inScopeAccuracy", round(metrics.inScopeAccuracy()));
            record.put("outOfScopeRecall", round(metrics.outOfScopeRecall()));
        }
        return record;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
