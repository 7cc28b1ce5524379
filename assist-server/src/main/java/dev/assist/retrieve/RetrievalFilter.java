package dev.assist.retrieve;

import dev.assist.index.IndexSchema;
import dev.assist.source.Visibility;
import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The filter every retrieval runs under: one tenant, the visibilities the channel may see, the
 * query's languages. Applied inside Lucene (a FILTER clause and the KNN pre-filter), so nothing a
 * caller may not see is ever scored, counted or returned.
 */
public final class RetrievalFilter {
    private RetrievalFilter() {
    }

    public static Query of(SearchQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.TENANT, query.tenant())), Occur.FILTER)
                .add(anyOf(IndexSchema.VISIBILITY, query.channel().visible().stream().map(Visibility::wireName).toList()), Occur.FILTER)
                .add(anyOf(IndexSchema.LANGUAGE, query.languages()), Occur.FILTER);
        return filter.build();
    }

    /**
     * The filter to search under, or {@code null} when it lets every document of this searcher through
     * (one tenant, public articles, one language: a small help center). Lucene walks a filter in step
     * with the scoring clauses, so one that excludes nothing only costs time; dropping it changes no
     * result, as the searcher is one point-in-time view. The count comes from the cached bit set.
     */
    static Query narrowing(IndexSearcher searcher, Query filter) throws IOException {
        return searcher.count(filter) == searcher.getIndexReader().numDocs() ? null : filter;
    }

    private static Query anyOf(String field, java.util.List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }
        return any.setMinimumNumberShouldMatch(1).build();
    }
}
