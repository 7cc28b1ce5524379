package dev.assist.knowledge;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;

/**
 * Searchers that keep each retrieval filter (tenant, visibilities, languages) as a bit set per
 * segment. Every search runs under such a filter; evaluated afresh it advanced three postings lists
 * in step with the BM25 clauses, most of a lexical search's time. Lucene's default policy caches a
 * filter only after repeated use, only on segments of 10,000 documents or more, and not when the
 * scoring clauses look cheaper, which left ours uncached. There are few distinct filters (tenants x
 * channels x language lists), each a bit per document, and a segment never changes: cached bits stay
 * right across live updates, as deletions are applied on top.
 */
final class FilterCachingSearcherFactory extends SearcherFactory {
    private static final int MAX_FILTERS = 256;
    private static final long MAX_BYTES = 32L << 20;

    /** Lucene asks only about clauses that do not score: filters (and the vector search's pre-filter). */
    private static final QueryCachingPolicy FILTERS = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {
        }

        @Override
        public boolean shouldCache(Query query) {
            return !(query instanceof TermQuery); // a single term's postings are as fast as a bit set
        }
    };

    private final LRUQueryCache cache = new LRUQueryCache(MAX_FILTERS, MAX_BYTES, leaf -> true, Float.POSITIVE_INFINITY);

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(cache);
        searcher.setQueryCachingPolicy(FILTERS);
        return searcher;
    }
}
