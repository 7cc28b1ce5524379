package dev.assist.compose;

/**
 * What answer confidence is computed from, kept on the composition so calibration can be refitted
 * from an eval run.
 *
 * @param bestSentence best cosine between the question and a chosen sentence
 * @param coverage share of the question's terms the chosen sentences (and their titles) contain
 * @param topPassage cosine between the question and the top passage
 */
public record ConfidenceSignals(double bestSentence, double coverage, double topPassage) {
    public static final ConfidenceSignals NONE = new ConfidenceSignals(0, 0, 0);
}
