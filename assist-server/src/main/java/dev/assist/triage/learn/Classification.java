package dev.assist.triage.learn;

import java.util.List;

/**
 * What a {@link TextClassifier} says about one text: the decided label (which is
 * {@link Labels#OUT_OF_SCOPE} when the top probability is under the model's threshold) and every
 * label ranked by probability.
 */
public record Classification(String label, double confidence, List<LabelScore> ranked) {
    public Classification {
        ranked = List.copyOf(ranked);
    }

    public List<LabelScore> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    public double probability(String name) {
        for (LabelScore score : ranked) {
            if (score.label().equals(name)) {
                return score.score();
            }
        }
        return 0;
    }
}
