package dev.assist.knowledge;

import dev.assist.index.IndexSchema;
import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;

/** Whether a tenant's article is in the index. */
final class ArticleLookup {
    private ArticleLookup() {
    }

    static boolean exists(SearcherManager searchers, String tenant, String articleId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.TENANT, tenant)), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.ARTICLE_ID, articleId)), Occur.FILTER)
                    .build()) > 0;
        } finally {
            searchers.release(searcher);
        }
    }
}
