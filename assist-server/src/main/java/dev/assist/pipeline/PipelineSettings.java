package dev.assist.pipeline;

import java.util.List;

/**
 * Sizes and languages of the pipeline.
 *
 * @param fallbackLanguages searched after the customer's language (e.g. {@code en})
 * @param candidates first-stage candidates handed to the re-ranker
 * @param passages passages kept after re-ranking and diversity
 */
public record PipelineSettings(List<String> fallbackLanguages, int candidates, int passages) {
    public PipelineSettings {
        fallbackLanguages = List.copyOf(fallbackLanguages);
        if (candidates < 1 || passages < 1) {
            throw new IllegalArgumentException("candidates and passages must be at least 1");
        }
    }
}
