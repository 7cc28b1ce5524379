package dev.assist.rerank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence vectors (document side of the model), embedded in one batch per request and cached by
 * text: the same help-center sentences come back query after query.
 */
public final class SentenceVectors {
    private final Embedder embedder;
    private final Cache<String, float[]> cache;

    public SentenceVectors(Embedder embedder, long cachedSentences) {
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder().maximumSize(cachedSentences).build();
    }

    public Map<String, float[]> vectors(Iterable<String> sentences) {
        Map<String, float[]> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String sentence : sentences) {
            float[] vector = cache.getIfPresent(sentence);
            if (vector != null) {
                found.put(sentence, vector);
            } else {
                missing.add(sentence);
            }
        }
        if (!missing.isEmpty()) {
            List<String> texts = new ArrayList<>(missing);
            List<float[]> embedded = embedder.embedDocuments(texts);
            for (int i = 0; i < texts.size(); i++) {
                cache.put(texts.get(i), embedded.get(i));
                found.put(texts.get(i), embedded.get(i));
            }
        }
        return found;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // both unit length
    }
}
