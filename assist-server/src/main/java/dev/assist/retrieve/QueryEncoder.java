package dev.assist.retrieve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.embed.Embedder;

/**
 * Query vectors with a bounded cache: customers repeat themselves ("refund", "reset password"),
 * and embedding is most of a query's cost.
 */
public final class QueryEncoder {
    private final Embedder embedder;
    private final Cache<String, float[]> cache;

    public QueryEncoder(Embedder embedder, long cachedQueries) {
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder().maximumSize(cachedQueries).build();
    }

    public float[] encode(String query) {
        return cache.get(query.strip(), embedder::embedQuery);
    }

    /** Drops every cached vector: the next question is new to this encoder (an eval timing new questions). */
    public void forget() {
        cache.invalidateAll();
    }

    public Embedder embedder() {
        return embedder;
    }
}
