package dev.assist.rerank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.retrieve.Passage;
import dev.assist.retrieve.QueryEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores every sentence of some passages against a question: cosine of the sentence vectors
 * (embedded in one batch, cached) and coverage of the question's terms. A one-sentence passage
 * reuses its chunk vector instead of embedding again.
 */
public final class SentenceScorer {
    /** Passages whose sentence split is kept (the popular ones come back for many questions). */
    private static final int CACHED_PASSAGES = 8_192;
    private final QueryEncoder encoder;
    private final SentenceVectors sentenceVectors;
    private final TermCoverage terms;
    private final Cache<LanguageText, List<String>> splits = Caffeine.newBuilder().maximumSize(CACHED_PASSAGES).build();

    public SentenceScorer(QueryEncoder encoder, SentenceVectors sentenceVectors, TermCoverage terms) {
        this.encoder = encoder;
        this.sentenceVectors = sentenceVectors;
        this.terms = terms;
    }

    public TermCoverage terms() {
        return terms;
    }

    public float[] questionVector(String question) {
        return encoder.encode(question);
    }

    /**
     * The best cosine between {@code question} and one sentence of each passage (by passage id), over
     * the sentences {@link #score} returned for them: their vectors are in the cache by now, so this
     * embeds only the question.
     */
    public Map<String, Double> bestSimilarity(String question, List<Passage> passages, Map<String, List<ScoredSentence>> sentences) {
        float[] query = encoder.encode(question);
        List<String> toLookUp = new ArrayList<>();
        for (Passage passage : passages) {
            List<ScoredSentence> own = sentences.get(passage.id());
            if (own.size() > 1 || passage.vector() == null) {
                own.forEach(sentence -> toLookUp.add(sentence.text()));
            }
        }
        Map<String, float[]> vectors = sentenceVectors.vectors(toLookUp);
        Map<String, Double> best = new LinkedHashMap<>();
        for (Passage passage : passages) {
            double max = 0;
            for (ScoredSentence sentence : sentences.get(passage.id())) {
                float[] vector = vectors.getOrDefault(sentence.text(), passage.vector());
                max = Math.max(max, vector == null ? 0 : SentenceVectors.cosine(query, vector));
            }
            best.put(passage.id(), max);
        }
        return best;
    }

    /** Sentences per passage id, in passage order. */
    public Map<String, List<ScoredSentence>> score(String question, List<Passage> passages) {
        float[] query = encoder.encode(question);
        Map<String, List<String>> split = new LinkedHashMap<>();
        List<String> toEmbed = new ArrayList<>();
        for (Passage passage : passages) {
            List<String> sentences = splits.get(new LanguageText(passage.language(), passage.text()),
                    key -> List.copyOf(SentenceSplitter.split(key.text(), key.language())));
            split.put(passage.id(), sentences);
            if (sentences.size() > 1 || passage.vector() == null) {
                toEmbed.addAll(sentences);
            }
        }
        Map<String, float[]> vectors = sentenceVectors.vectors(toEmbed);
        Map<String, Set<String>> questionTerms = new HashMap<>();
        Map<String, List<ScoredSentence>> scored = new LinkedHashMap<>();
        for (Passage passage : passages) {
            Set<String> wanted = questionTerms.computeIfAbsent(passage.language(), lang -> terms.terms(question, lang));
            List<String> texts = split.get(passage.id());
            List<ScoredSentence> sentences = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                float[] vector = vectors.getOrDefault(texts.get(i), passage.vector());
                double similarity = vector == null ? 0 : SentenceVectors.cosine(query, vector);
                Set<String> sentenceTerms = terms.terms(texts.get(i), passage.language());
                sentences.add(new ScoredSentence(texts.get(i), i, similarity, TermCoverage.coverage(wanted, sentenceTerms),
                        sentenceTerms));
            }
            scored.put(passage.id(), sentences);
        }
        return scored;
    }
}
