package dev.assist.retrieve;

import java.util.Locale;

/** Which first-stage retrievers run: BM25 alone, vectors alone, or both fused. */
public enum RetrieverKind {
    BM25,
    VECTOR,
    HYBRID;

    public static RetrieverKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown retriever '" + value + "' (expected bm25, vector or hybrid)");
        }
    }
}
