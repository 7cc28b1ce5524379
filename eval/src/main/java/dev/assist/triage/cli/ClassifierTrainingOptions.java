package dev.assist.triage.cli;

import dev.assist.triage.learn.NgramConfig;
import dev.assist.triage.learn.TrainingOptions;
import picocli.CommandLine.Option;

/** The training knobs on the command line; defaults are the values tuned on Banking77/CLINC150/GoEmotions train splits. */
final class ClassifierTrainingOptions {
    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--l2", defaultValue = "1e-4", description = "L2 regularisation (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--embedding-scale", defaultValue = "2.0",
            description = "Weight of the sentence embedding against the n-grams (default: ${DEFAULT-VALUE}).")
    double embeddingScale;

    @Option(names = "--word-ngrams", defaultValue = "1-2", description = "Word n-gram sizes (default: ${DEFAULT-VALUE}).")
    String wordNgrams;

    @Option(names = "--char-ngrams", defaultValue = "2-5",
            description = "Character n-gram sizes inside words; 0 disables (default: ${DEFAULT-VALUE}).")
    String charNgrams;

    @Option(names = "--min-df", defaultValue = "2", description = "Drop n-grams seen in fewer texts (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Option(names = "--no-ngrams", description = "Sentence embedding only.")
    boolean noNgrams;

    @Option(names = "--knn-k", defaultValue = "10", description = "Neighbours that vote; 0 disables (default: ${DEFAULT-VALUE}).")
    int knnK;

    @Option(names = "--knn-temperature", description = "Softness of the vote (default: fitted on held-out folds).")
    Double knnTemperature;

    @Option(names = "--knn-weight", description = "Share of the neighbour vote (default: fitted on held-out folds).")
    Double knnWeight;

    @Option(names = "--reject", defaultValue = "0",
            description = "Without out-of-scope rows: share of in-scope rows the out-of-scope threshold may reject (default: ${DEFAULT-VALUE}).")
    double reject;

    @Option(names = "--oos-weight", defaultValue = "0.5",
            description = "With out-of-scope rows: the threshold maximises in-scope accuracy + this x out-of-scope recall (default: ${DEFAULT-VALUE}).")
    double oosWeight;

    @Option(names = "--max-iterations", defaultValue = "300", description = "L-BFGS iterations (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    TrainingOptions toOptions() {
        NgramConfig ngrams = null;
        if (!noNgrams) {
            int[] words = range(wordNgrams);
            int[] chars = charNgrams.equals("0") ? new int[] {0, 0} : range(charNgrams);
            ngrams = new NgramConfig(words[0], words[1], chars[0], chars[1], minDf);
        }
        return new TrainingOptions(folds, l2, embeddingScale, ngrams, knnK,
                knnTemperature == null ? Double.NaN : knnTemperature,
                knnWeight == null ? Double.NaN : knnWeight, reject, oosWeight, maxIterations, 0);
    }

    private static int[] range(String value) {
        String[] parts = value.split("-");
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("n-gram range '" + value + "' is not N or N-M");
        }
    }
}
