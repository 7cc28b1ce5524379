package dev.assist.retrieve;

import java.util.List;
import java.util.Set;

/**
 * The languages the embedding model understands. The default model is English-only: for a
 * question in another language its vectors are close to noise, so retrieval uses BM25 alone and
 * re-ranking keeps BM25's order. A multilingual model is configured with {@code ["*"]}.
 */
public record VectorLanguages(Set<String> languages) {
    public VectorLanguages {
        languages = Set.copyOf(languages);
    }

    public static VectorLanguages of(List<String> configured) {
        return new VectorLanguages(configured == null || configured.isEmpty() ? Set.of("*") : Set.copyOf(configured));
    }

    public static VectorLanguages all() {
        return new VectorLanguages(Set.of("*"));
    }

    public boolean trusts(String language) {
        return languages.contains("*") || languages.contains(language);
    }
}
