package dev.assist.rerank;

import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Passage;
import dev.assist.retrieve.VectorLanguages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the question against each candidate's sentences with the embedding model (the best
 * sentence often answers when the whole chunk is diluted), plus lexical features, combined
 * linearly with weights fitted on the dev splits ({@link RerankWeights}). Only the first
 * {@code depth} candidates are re-scored; the rest keep their order below them.
 */
public final class PassageReranker implements Reranker {
    private final SentenceScorer scorer;
    private final RerankWeights weights;
    private final int depth;
    private final VectorLanguages vectorLanguages;

    public PassageReranker(SentenceScorer scorer, RerankWeights weights, int depth) {
        this(scorer, weights, depth, VectorLanguages.all());
    }

    /** @param vectorLanguages question languages whose embeddings are trusted; others keep the first-stage order */
    public PassageReranker(SentenceScorer scorer, RerankWeights weights, int depth, VectorLanguages vectorLanguages) {
        this.scorer = scorer;
        this.weights = weights;
        this.depth = depth;
        this.vectorLanguages = vectorLanguages;
    }

    @Override
    public List<ScoredPassage> rerank(RerankQuery query, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        if (!vectorLanguages.trusts(query.language())) {
            return new NoReranker().rerank(query, candidates);
        }
        List<Candidate> head = candidates.subList(0, Math.min(depth, candidates.size()));
        List<ScoredPassage> scored = new ArrayList<>();
        for (var entry : features(query, head).entrySet()) {
            scored.add(new ScoredPassage(entry.getKey(), weights.score(entry.getValue().features()), entry.getValue().sentences()));
        }
        scored.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
        double floor = scored.getLast().score();
        for (int i = head.size(); i < candidates.size(); i++) {
            scored.add(new ScoredPassage(candidates.get(i), floor - i * 1e-6, List.of()));
        }
        return scored;
    }

    /** The features of each candidate, in candidate order (also what weight fitting learns from). */
    public Map<Candidate, Scored> features(RerankQuery rerankQuery, List<Candidate> candidates) {
        String question = rerankQuery.searched();
        List<Passage> passages = candidates.stream().map(Candidate::passage).toList();
        Map<String, List<ScoredSentence>> sentences = scorer.score(question, passages);
        // The message as asked only needs scoring of its own when the rewrite added to it.
        Map<String, Double> asked = rerankQuery.rewritten() ? scorer.bestSimilarity(rerankQuery.asked(), passages, sentences) : null;
        float[] query = scorer.questionVector(question);
        double fusedMax = candidates.stream().mapToDouble(Candidate::fusedScore).max().orElse(1);
        double lexicalMax = candidates.stream().mapToDouble(Candidate::lexicalScore).max().orElse(0);
        VectorRange vectorRange = VectorRange.of(candidates);
        Map<String, Set<String>> questionTerms = new HashMap<>();
        Map<Candidate, Scored> result = new java.util.LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Passage passage = candidate.passage();
            Set<String> wanted = questionTerms.computeIfAbsent(passage.language(), lang -> scorer.terms().terms(question, lang));
            List<ScoredSentence> own = sentences.get(passage.id());
            double bestSentence = own.stream().mapToDouble(ScoredSentence::similarity).max().orElse(0);
            // The chunk's terms are its title's and its sentences' (already analyzed): no second pass over the text.
            Set<String> titleTerms = scorer.terms().terms(passage.title(), passage.language());
            Set<String> chunkTerms = new java.util.HashSet<>(titleTerms);
            own.forEach(sentence -> chunkTerms.addAll(sentence.terms()));
            RerankFeatures features = new RerankFeatures(
                    fusedMax > 0 ? candidate.fusedScore() / fusedMax : 0,
                    passage.vector() == null ? 0 : SentenceVectors.cosine(query, passage.vector()),
                    bestSentence,
                    asked == null ? bestSentence : asked.get(passage.id()),
                    TermCoverage.coverage(wanted, titleTerms),
                    TermCoverage.coverage(wanted, chunkTerms),
                    lexicalMax > 0 ? candidate.lexicalScore() / lexicalMax : 0,
                    vectorRange.normalize(candidate));
            result.put(candidate, new Scored(features, own));
        }
        return result;
    }

    /** The vector scores of the candidates the vector search found, for min-max normalizing them. */
    private record VectorRange(double min, double max) {
        static VectorRange of(List<Candidate> candidates) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Candidate candidate : candidates) {
                if (candidate.vectorRank() > 0) {
                    min = Math.min(min, candidate.vectorScore());
                    max = Math.max(max, candidate.vectorScore());
                }
            }
            return new VectorRange(min, max);
        }

        /** 0 for a candidate the vector search did not find; else 1 for the best one found, 0 for the lowest. */
        double normalize(Candidate candidate) {
            if (candidate.vectorRank() == 0) {
                return 0;
            }
            return max > min ? (candidate.vectorScore() - min) / (max - min) : 1;
        }
    }

    /** A candidate's features and its scored sentences. */
    public record Scored(RerankFeatures features, List<ScoredSentence> sentences) {
    }
}
