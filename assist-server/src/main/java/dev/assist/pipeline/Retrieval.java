package dev.assist.pipeline;

import dev.assist.rerank.ScoredPassage;
import java.util.List;

/**
 * What the search part of the pipeline found.
 *
 * @param query the standalone question that was searched (after rewriting)
 * @param language the language answers are given in
 */
public record Retrieval(String query, String language, List<ScoredPassage> passages) {
    public Retrieval {
        passages = List.copyOf(passages);
    }
}
