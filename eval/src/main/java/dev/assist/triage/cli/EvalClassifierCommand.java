package dev.assist.triage.cli;

import com.fasterxml.jackson.databind.JsonNode;

import dev.assist.embed.Embedder;
import dev.assist.triage.learn.ClassifierMetrics;
import dev.assist.triage.learn.IncompatibleModelException;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.LabeledTextReader;
import dev.assist.triage.learn.Labels;
import dev.assist.triage.learn.ModelFile;
import dev.assist.triage.learn.TextClassifier;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assist eval intents|sentiment}: a model against any labelled JSONL of the same schema. */
@Command(mixinStandardHelpOptions = true,
        description = "Accuracy, macro-F1, out-of-scope recall and confused pairs of a model on labelled JSONL.")
public final class EvalClassifierCommand implements Callable<Integer> {
    private final ClassifierKind kind;

    @Option(names = "--model", required = true, description = "Model file written by ./assist train.")
    Path model;

    @Option(names = "--data", required = true, description = "Labelled JSONL file.")
    Path data;

    @Option(names = "--keep-labels", split = ",", description = "Use only rows with these labels.")
    Set<String> keepLabels;

    @Option(names = "--where", description = "Use only rows where FIELD=VALUE[,VALUE...] or FIELD!=VALUE.")
    List<String> where;

    @Option(names = "--by", description = "Also report accuracy per value of this field (e.g. lang).")
    String by;

    @Option(names = "--embedding-cache", description = "File that keeps embeddings between runs.")
    Path embeddingCache;

    @Mixin
    TriageEmbeddingOptions embedding = new TriageEmbeddingOptions();

    EvalClassifierCommand(ClassifierKind kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() {
        try {
            return evaluate();
        } catch (IllegalArgumentException | IncompatibleModelException | UncheckedIOException e) {
            System.err.println("eval " + kind.command + ": " + e.getMessage());
            return 1;
        }
    }

    private int evaluate() {
        Embedder embedder = embedding.create();
        TextClassifier classifier = ModelFile.read(model, embedder.modelId());
        Optional<Set<String>> keep = keepLabels != null ? Optional.of(keepLabels) : kind.defaultKeep;
        List<String> groups = new ArrayList<>();
        Predicate<JsonNode> filter = RowFilter.of(keep, where);
        List<LabeledText> rows = LabeledTextReader.read(data, row -> {
            boolean kept = filter.test(row);
            if (kept && by != null) {
                groups.add(row.path(by).asText("?"));
            }
            return kept;
        }, Optional.empty());
        Set<String> unknown = new TreeSet<>();
        for (LabeledText row : rows) {
            if (!classifier.labels().contains(row.label()) && !Labels.OUT_OF_SCOPE.equals(row.label())) {
                unknown.add(row.label());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(data + " has labels the model " + model + " does not know: " + unknown
                    + " (model labels: " + classifier.labels() + ")");
        }
        List<float[]> vectors = new EmbeddingCache(embedder, embeddingCache).embed(rows.stream().map(LabeledText::text).toList());
        long start = System.nanoTime();
        List<String> gold = new ArrayList<>(rows.size());
        List<String> predicted = new ArrayList<>(rows.size());
        String[] decided = new String[rows.size()];
        String[] top = new String[rows.size()];
        double[] confidence = new double[rows.size()];
        java.util.stream.IntStream.range(0, rows.size()).parallel().forEach(i -> {
            var classification = classifier.classify(rows.get(i).text(), vectors.get(i));
            decided[i] = classification.label();
            top[i] = classification.ranked().get(0).label();
            confidence[i] = classification.confidence();
        });
        for (int i = 0; i < rows.size(); i++) {
            gold.add(rows.get(i).label());
            predicted.add(decided[i]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "model %s (%s, %d labels) on %s; classified %d rows in %.1f s%n", model,
                classifier.header().kind(), classifier.labels().size(), data, rows.size(), seconds);
        if (by != null) {
            Map<String, List<Integer>> byGroup = new TreeMap<>();
            for (int i = 0; i < groups.size(); i++) {
                byGroup.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
            }
            System.out.println("by " + by + ":");
            byGroup.forEach((group, members) -> {
                ClassifierMetrics m = ClassifierMetrics.of(members.stream().map(gold::get).toList(),
                        members.stream().map(predicted::get).toList());
                System.out.printf(Locale.ROOT, "  %-8s rows %5d  accuracy %.4f  macro-F1 %.4f%n", group, m.rows(),
                        m.accuracy(), m.macroF1());
            });
        }
        if (gold.contains(Labels.OUT_OF_SCOPE) && classifier.header().detectsOutOfScope()) {
            thresholdSweep(gold, top, confidence, classifier.header().threshold());
        }
        System.out.println(ClassifierMetrics.of(gold, predicted).report());
        return 0;
    }

    /** How in-scope accuracy and out-of-scope recall trade off on this data as the threshold moves (for reading, not tuning the model). */
    private static void thresholdSweep(List<String> gold, String[] top, double[] confidence, double fitted) {
        System.out.printf(Locale.ROOT, "out-of-scope threshold on this data (the model's is %.4f, fitted on its training folds):%n", fitted);
        double[] thresholds = {0, 0.3, 0.4, 0.45, 0.5, 0.55, fitted, 0.65, 0.7, 0.8};
        java.util.Arrays.sort(thresholds);
        for (double t : thresholds) {
            List<String> predicted = new ArrayList<>();
            for (int i = 0; i < top.length; i++) {
                predicted.add(confidence[i] < t ? Labels.OUT_OF_SCOPE : top[i]);
            }
            ClassifierMetrics m = ClassifierMetrics.of(gold, predicted);
            System.out.printf(Locale.ROOT, "  threshold %.4f: in-scope accuracy %.4f, out-of-scope recall %.4f, precision %.4f%s%n",
                    t, m.inScopeAccuracy(), m.outOfScopeRecall(), m.outOfScopePrecision(), t == fitted ? "  <- model" : "");
        }
    }
}
