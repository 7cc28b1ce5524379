package dev.assist.eval;

import dev.assist.compose.ConfidenceModel;
import java.util.List;
import java.util.Locale;

/**
 * Fits the answer-confidence model on golden results and picks the hand-off threshold.
 *
 * <p>The label is "answering would be right": the question is answerable on its channel and the
 * top article is relevant. The threshold maximizes a support team's utility: a right answer is
 * worth 1, a wrong one costs {@code wrongAnswerCost} (a confident wrong answer hurts more than a
 * hand-off helps), a hand-off is 0.
 */
public final class HandoffCalibration {
    private HandoffCalibration() {
    }

    public record Fit(ConfidenceModel model, double threshold, double utility, double accuracy) {
        public String yaml(String command) {
            return String.format(Locale.ROOT, """
                    # fitted by: %s
                    compose:
                      extractive:
                        threshold: %.3f
                      confidence:
                        intercept: %.3f
                        sentence_similarity: %.3f
                        coverage: %.3f
                        passage_similarity: %.3f
                    """, command, threshold, model.intercept(), model.sentenceSimilarity(), model.coverage(),
                    model.passageSimilarity());
        }
    }

    public static Fit fit(List<GoldenResult> results, double wrongAnswerCost) {
        double[][] x = new double[results.size()][];
        int[] y = new int[results.size()];
        for (int i = 0; i < results.size(); i++) {
            GoldenResult result = results.get(i);
            x[i] = new double[] {result.signals().bestSentence(), result.signals().coverage(), result.signals().topPassage()};
            y[i] = result.topIsRelevant() ? 1 : 0;
        }
        double[] w = LogisticRegression.fit(x, y, 0.01, 4000);
        ConfidenceModel model = new ConfidenceModel(w[0], w[1], w[2], w[3]);
        double bestThreshold = 0.5;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int step = 1; step < 100; step++) {
            double threshold = step / 100.0;
            double utility = 0;
            for (int i = 0; i < x.length; i++) {
                double p = model.confidence(results.get(i).signals());
                if (p >= threshold) {
                    utility += y[i] == 1 ? 1 : -wrongAnswerCost;
                }
            }
            if (utility > bestUtility) {
                bestUtility = utility;
                bestThreshold = threshold;
            }
        }
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            boolean answer = model.confidence(results.get(i).signals()) >= bestThreshold;
            if (answer == (y[i] == 1)) {
                correct++;
            }
        }
        return new Fit(model, bestThreshold, bestUtility / x.length, (double) correct / x.length);
    }
}
