package dev.assist.rerank;

import java.util.Locale;

/** The re-rankers a configuration can name. */
public enum RerankerKind {
    NONE,
    PASSAGE,
    CROSS_ENCODER;

    public static RerankerKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown reranker '" + value + "' (expected none, passage or cross-encoder)");
        }
    }
}
