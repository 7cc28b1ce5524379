package dev.assist.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;

/**
 * BM25 and HNSW vector search over one searcher, both under the same {@link RetrievalFilter},
 * fused into one candidate list. When an article appears in several of the query's languages,
 * only the most preferred language's passages are kept, so a German customer gets the German
 * article and never the same answer twice.
 */
public final class HybridRetriever implements Retriever {
    private final SearcherManager searchers;
    private final LexicalRetriever lexical;
    private final VectorRetriever vectors = new VectorRetriever();
    private final PassageLoader passages = new PassageLoader();
    private final QueryEncoder encoder;
    private final Fusion fusion;
    private final RetrieverKind kind;
    private final int depth;
    private final VectorLanguages vectorLanguages;

    /**
     * @param depth candidates each retriever returns before fusion (at least the query's limit)
     */
    public HybridRetriever(SearcherManager searchers, LexicalRetriever lexical, QueryEncoder encoder, Fusion fusion,
                           RetrieverKind kind, int depth) {
        this(searchers, lexical, encoder, fusion, kind, depth, VectorLanguages.all());
    }

    /**
     * @param vectorLanguages question languages the embedding model understands; for others a hybrid
     *     retriever searches with BM25 only (a vector-only retriever still uses vectors: it has nothing else)
     */
    public HybridRetriever(SearcherManager searchers, LexicalRetriever lexical, QueryEncoder encoder, Fusion fusion,
                           RetrieverKind kind, int depth, VectorLanguages vectorLanguages) {
        this.vectorLanguages = vectorLanguages;
        this.searchers = searchers;
        this.lexical = lexical;
        this.encoder = encoder;
        this.fusion = fusion;
        this.kind = kind;
        this.depth = depth;
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query) {
        boolean useVectors = kind == RetrieverKind.VECTOR
                || (kind == RetrieverKind.HYBRID && vectorLanguages.trusts(query.languages().getFirst()));
        float[] vector = useVectors ? encoder.encode(query.text()) : null;
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return retrieve(searcher, query, vector);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    private List<Candidate> retrieve(IndexSearcher searcher, SearchQuery query, float[] vector) throws IOException {
        Query filter = RetrievalFilter.narrowing(searcher, RetrievalFilter.of(query));
        int perRetriever = Math.max(depth, query.limit());
        List<RankedHit> lexicalHits = kind == RetrieverKind.VECTOR ? List.of() : lexical.search(searcher, query, filter, perRetriever);
        List<RankedHit> vectorHits = vector == null ? List.of() : vectors.search(searcher, vector, filter, perRetriever);
        List<Fusion.Fused> fused = fusion.fuse(lexicalHits, vectorHits);

        List<Candidate> candidates = new ArrayList<>();
        // Loading stored fields and vectors is most of a search's cost: load only what can make
        // the list, with room for translations of the same article that preference drops.
        int loadAtMost = query.limit() * query.languages().size() + query.limit();
        for (Fusion.Fused hit : fused.subList(0, Math.min(fused.size(), loadAtMost))) {
            Passage passage = passages.load(searcher, hit.doc());
            candidates.add(new Candidate(passage, hit.score(), hit.lexicalRank(), hit.lexicalScore(),
                    hit.vectorRank(), hit.vectorScore()));
        }
        return preferredLanguages(candidates, query.languages()).stream().limit(query.limit()).toList();
    }

    static List<Candidate> preferredLanguages(List<Candidate> candidates, List<String> languages) {
        Map<String, Integer> bestPreference = new HashMap<>();
        for (Candidate candidate : candidates) {
            int preference = preference(candidate, languages);
            bestPreference.merge(candidate.passage().articleId(), preference, Math::min);
        }
        return candidates.stream()
                .filter(c -> preference(c, languages) == bestPreference.get(c.passage().articleId()))
                .toList();
    }

    private static int preference(Candidate candidate, List<String> languages) {
        int index = languages.indexOf(candidate.passage().language());
        return index < 0 ? languages.size() : index;
    }
}
