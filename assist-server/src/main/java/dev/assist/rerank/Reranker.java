package dev.assist.rerank;

import dev.assist.retrieve.Candidate;
import java.util.List;

/** Re-orders first-stage candidates for a question, best first. */
public interface Reranker {
    List<ScoredPassage> rerank(RerankQuery query, List<Candidate> candidates);
}
