package dev.assist.knowledge;

import dev.assist.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The languages each tenant's articles are in, held in memory for triage to read on every request.
 * Read from the index's {@code tenant} and {@code lang} terms when it opens (one count per tenant and
 * language, no document is loaded), and re-read for one tenant after each write of its articles.
 */
final class ArticleLanguages {
    private final SearcherManager searchers;
    private final Map<String, Set<String>> byTenant = new ConcurrentHashMap<>();

    ArticleLanguages(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** ISO 639-1 codes (or {@code und}) of the tenant's articles; empty when it has none. */
    Set<String> of(String tenant) {
        return byTenant.getOrDefault(tenant, Set.of());
    }

    /** Re-reads every tenant, as the searchers see the index now. */
    void readAll() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            List<String> languages = terms(searcher, IndexSchema.LANGUAGE);
            Map<String, Set<String>> read = new HashMap<>();
            for (String tenant : terms(searcher, IndexSchema.TENANT)) {
                Set<String> found = languagesOf(searcher, tenant, languages);
                if (!found.isEmpty()) {
                    read.put(tenant, found);
                }
            }
            byTenant.keySet().retainAll(read.keySet());
            byTenant.putAll(read);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Re-reads one tenant after its articles changed; call after the searchers were refreshed. */
    void read(String tenant) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Set<String> found = languagesOf(searcher, tenant, terms(searcher, IndexSchema.LANGUAGE));
            if (found.isEmpty()) {
                byTenant.remove(tenant);
            } else {
                byTenant.put(tenant, found);
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private static Set<String> languagesOf(IndexSearcher searcher, String tenant, List<String> languages) throws IOException {
        Set<String> found = new TreeSet<>();
        for (String language : languages) {
            int chunks = searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.TENANT, tenant)), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.LANGUAGE, language)), Occur.FILTER)
                    .build());
            if (chunks > 0) {
                found.add(language);
            }
        }
        return Set.copyOf(found);
    }

    /** The field's terms; a term may remain after its last document was deleted, so callers count. */
    private static List<String> terms(IndexSearcher searcher, String field) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        List<String> values = new ArrayList<>();
        if (terms == null) {
            return values;
        }
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            values.add(term.utf8ToString());
        }
        return values;
    }
}
