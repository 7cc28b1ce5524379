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
    private static final int WARM_BATCH = 512;
    private final Cache<String, float[]> cache;
    private final long maximumSize;

    public SentenceVectors(Embedder embedder, long cachedSentences) {
        this.embedder = embedder;
        this.maximumSize = cachedSentences;
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

    /** Embeds the sentences of the index's multi-sentence passages in batches, until the cache is full. */
    public int warm(org.apache.lucene.search.SearcherManager searchers) throws java.io.IOException {
        long room = maximumSize - cache.estimatedSize();
        List<String> batch = new ArrayList<>();
        int embedded = 0;
        var searcher = searchers.acquire();
        try {
            for (var leaf : searcher.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                var stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc() && embedded + batch.size() < room; doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    var fields = stored.document(doc, java.util.Set.of(dev.assist.index.IndexSchema.TEXT, dev.assist.index.IndexSchema.LANGUAGE));
                    List<String> sentences = SentenceSplitter.split(fields.get(dev.assist.index.IndexSchema.TEXT),
                            fields.get(dev.assist.index.IndexSchema.LANGUAGE));
                    if (sentences.size() > 1) {
                        batch.addAll(sentences);
                    }
                    if (batch.size() >= WARM_BATCH) {
                        embedded += vectors(batch).size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                embedded += vectors(batch).size();
            }
        } finally {
            searchers.release(searcher);
        }
        return embedded;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // both unit length
    }
}
