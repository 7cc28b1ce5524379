package dev.assist.rerank;

import dev.assist.retrieve.Candidate;
import java.util.List;

/** Keeps the fused order: the baseline every re-ranker is measured against. */
public final class NoReranker implements Reranker {
    @Override
    public List<ScoredPassage> rerank(RerankQuery query, List<Candidate> candidates) {
        return candidates.stream().map(c -> new ScoredPassage(c, c.fusedScore(), List.of())).toList();
    }
}
