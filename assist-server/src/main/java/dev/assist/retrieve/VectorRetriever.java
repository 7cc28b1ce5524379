package dev.assist.retrieve;

import dev.assist.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** HNSW search over chunk vectors, pre-filtered: the graph walk only accepts documents the filter allows. */
public final class VectorRetriever {
    /** @param filter what may be found; {@code null}: everything */
    public List<RankedHit> search(IndexSearcher searcher, float[] queryVector, Query filter, int depth) throws IOException {
        List<RankedHit> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, queryVector, depth, filter), depth).scoreDocs) {
            hits.add(new RankedHit(hit.doc, hit.score));
        }
        return hits;
    }
}
