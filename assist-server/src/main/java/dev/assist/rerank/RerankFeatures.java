package dev.assist.rerank;

/**
 * What the passage re-ranker knows about one candidate, each roughly in [0, 1].
 *
 * @param fused fused first-stage score over the best one in the list
 * @param chunkSimilarity cosine between question and chunk vectors
 * @param bestSentence best cosine between the question and one sentence of the chunk
 * @param askedSentence the same for the customer's message as asked, before the rewrite added names
 *     and terms of earlier turns (equal to {@code bestSentence} when it added nothing): the context
 *     finds the right hotel or product, this says whether the passage is about what was asked
 * @param titleCoverage share of the question's terms in the article title
 * @param termCoverage share of the question's terms in title and chunk
 * @param lexical BM25 score over the best one in the list (0 when BM25 did not find it)
 * @param vector the vector search's score min-max normalized over the list (0 when it did not find
 *     it): where the candidate stands among this question's neighbours, which a cosine alone does
 *     not say, since cosines crowd into a band that differs from question to question
 */
public record RerankFeatures(double fused, double chunkSimilarity, double bestSentence, double askedSentence, double titleCoverage,
                             double termCoverage, double lexical, double vector) {

    public double[] toArray() {
        return new double[] {fused, chunkSimilarity, bestSentence, askedSentence, titleCoverage, termCoverage, lexical, vector};
    }
}
