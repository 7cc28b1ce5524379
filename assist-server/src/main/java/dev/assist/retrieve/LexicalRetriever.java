package dev.assist.retrieve;

import dev.assist.index.IndexSchema;
import dev.assist.index.LanguageAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over the language-analyzed fields: the question is analyzed once per query language with
 * that language's analyzer and matched against that language's body and title fields.
 */
public final class LexicalRetriever {
    private final LanguageAnalyzers analyzers;
    private final float titleBoost;

    public LexicalRetriever(LanguageAnalyzers analyzers, float titleBoost) {
        this.analyzers = analyzers;
        this.titleBoost = titleBoost;
    }

    /** The scoring part of the query, without the filter; {@code null} when the text has no searchable terms. */
    Query scoring(SearchQuery query) {
        Set<String> keys = new LinkedHashSet<>();
        for (String language : query.languages()) {
            keys.add(LanguageAnalyzers.keyFor(language));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String key : keys) {
            QueryBuilder builder = new QueryBuilder(analyzers.analyzer(key));
            Query body = builder.createBooleanQuery(IndexSchema.textField(key), query.text());
            Query title = builder.createBooleanQuery(IndexSchema.titleField(key), query.text());
            if (body != null) {
                any.add(body, Occur.SHOULD);
                clauses++;
            }
            if (title != null) {
                any.add(new BoostQuery(title, titleBoost), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /** @param filter what may be found; {@code null}: everything */
    public List<RankedHit> search(IndexSearcher searcher, SearchQuery query, Query filter, int depth) throws IOException {
        Query scoring = scoring(query);
        if (scoring == null) {
            return List.of();
        }
        Query filtered = filter == null ? scoring
                : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
        List<RankedHit> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(filtered, depth).scoreDocs) {
            hits.add(new RankedHit(hit.doc, hit.score));
        }
        return hits;
    }
}
