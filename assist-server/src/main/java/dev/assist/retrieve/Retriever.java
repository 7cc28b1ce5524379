package dev.assist.retrieve;

import java.util.List;

/**
 * First-stage retrieval: candidates for a query, filtered by tenant, channel and language. The
 * Lucene implementation is {@link HybridRetriever}; a distributed engine would be another one.
 */
public interface Retriever {
    List<Candidate> retrieve(SearchQuery query);
}
