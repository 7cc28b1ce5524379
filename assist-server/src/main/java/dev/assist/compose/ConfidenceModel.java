package dev.assist.compose;

/**
 * Logistic calibration of answer confidence from what the composer saw: how similar the best
 * chosen sentence is to the question, how much of the question the answer covers, how similar
 * the top passage is. Coefficients are fitted on the golden dev split (see assist-defaults.yaml).
 */
public record ConfidenceModel(double intercept, double sentenceSimilarity, double coverage, double passageSimilarity) {

    public double confidence(ConfidenceSignals signals) {
        double z = intercept + sentenceSimilarity * signals.bestSentence() + coverage * signals.coverage()
                + passageSimilarity * signals.topPassage();
        return 1 / (1 + Math.exp(-z));
    }

    public static ConfidenceModel defaults() {
        return new ConfidenceModel(-20, 22, 3, 3);
    }
}
