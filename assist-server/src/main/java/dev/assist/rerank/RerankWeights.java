package dev.assist.rerank;

/** Linear weights of the passage re-ranker's features; fitted values live in the server configuration. */
public record RerankWeights(double fused, double chunkSimilarity, double bestSentence, double askedSentence, double titleCoverage,
                            double termCoverage, double lexical, double vector) {

    /** Hand-set starting point; the fitted values and the command that fitted them are in assist-defaults.yaml. */
    public static RerankWeights defaults() {
        return new RerankWeights(1.0, 1.0, 1.0, 0.0, 0.3, 0.5, 0.3, 0.3);
    }

    public double score(RerankFeatures f) {
        return fused * f.fused() + chunkSimilarity * f.chunkSimilarity() + bestSentence * f.bestSentence()
                + askedSentence * f.askedSentence() + titleCoverage * f.titleCoverage() + termCoverage * f.termCoverage() + lexical * f.lexical()
                + vector * f.vector();
    }
}
