package dev.assist.triage.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy, macro-F1 over the gold labels, out-of-scope recall and precision (when gold has
 * out-of-scope rows), in-scope accuracy, and the most confused label pairs.
 */
public record ClassifierMetrics(int rows, double accuracy, double macroF1, int outOfScopeRows,
                                double inScopeAccuracy, double outOfScopeRecall, double outOfScopePrecision,
                                Map<String, Double> f1ByLabel, List<Confusion> confusions) {

    /** A gold label predicted as another, and how often. */
    public record Confusion(String gold, String predicted, int count) {
    }

    public static ClassifierMetrics of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size() || gold.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as gold labels, and at least one");
        }
        int n = gold.size();
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        Map<List<String>, Integer> pairs = new HashMap<>();
        int correct = 0;
        int oos = 0;
        int oosHit = 0;
        int oosPredicted = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        for (int i = 0; i < n; i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            boolean hit = g.equals(p);
            correct += hit ? 1 : 0;
            counts.computeIfAbsent(g, k -> new int[3]);
            if (hit) {
                counts.get(g)[0]++;
            } else {
                counts.get(g)[2]++;
                counts.computeIfAbsent(p, k -> new int[3])[1]++;
                pairs.merge(List.of(g, p), 1, Integer::sum);
            }
            if (Labels.OUT_OF_SCOPE.equals(p)) {
                oosPredicted++;
            }
            if (Labels.OUT_OF_SCOPE.equals(g)) {
                oos++;
                oosHit += hit ? 1 : 0;
            } else {
                inScope++;
                inScopeCorrect += hit ? 1 : 0;
            }
        }
        Map<String, Double> f1 = new LinkedHashMap<>();
        double sum = 0;
        for (String label : new TreeSet<>(gold)) {
            int[] c = counts.get(label);
            double value = c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
            f1.put(label, value);
            sum += value;
        }
        List<Confusion> confusions = new ArrayList<>();
        pairs.forEach((pair, count) -> confusions.add(new Confusion(pair.get(0), pair.get(1), count)));
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::gold).thenComparing(Confusion::predicted));
        return new ClassifierMetrics(n, (double) correct / n, sum / f1.size(), oos,
                inScope == 0 ? Double.NaN : (double) inScopeCorrect / inScope,
                oos == 0 ? Double.NaN : (double) oosHit / oos,
                oos == 0 ? Double.NaN : oosPredicted == 0 ? 0 : (double) oosHit / oosPredicted,
                f1, List.copyOf(confusions.subList(0, Math.min(10, confusions.size()))));
    }

    /** A plain-text report ending with the one line {@code accuracy=0.xxxx macro_f1=0.xxxx}. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "rows: %d%n", rows));
        out.append(String.format(Locale.ROOT, "accuracy: %.4f%nmacro-F1: %.4f (over %d gold labels)%n",
                accuracy, macroF1, f1ByLabel.size()));
        if (outOfScopeRows > 0) {
            out.append(String.format(Locale.ROOT, "in-scope accuracy: %.4f%nout-of-scope recall: %.4f (%d rows)%n"
                    + "out-of-scope precision: %.4f%n", inScopeAccuracy, outOfScopeRecall, outOfScopeRows,
                    outOfScopePrecision));
        }
        if (!confusions.isEmpty()) {
            out.append("most confused (gold -> predicted: count):\n");
            for (Confusion c : confusions) {
                out.append(String.format(Locale.ROOT, "  %s -> %s: %d%n", c.gold(), c.predicted(), c.count()));
            }
        }
        out.append(summaryLine());
        return out.toString();
    }

    public String summaryLine() {
        return String.format(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f", accuracy, macroF1);
    }
}
