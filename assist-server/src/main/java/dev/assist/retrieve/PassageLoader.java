package dev.assist.retrieve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.index.ChunkDocuments;
import dev.assist.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Reads a hit's stored fields and its vector (for re-ranking and diversity) from the searcher that
 * found it. Decompressing stored fields was a tenth of a search's CPU, and a help center's popular
 * articles come back for many questions, so passages are kept per segment and document: a segment
 * never changes, and an updated article is a new document in a new segment, so no entry goes stale.
 */
final class PassageLoader {
    /** About 3-4 KB each (text and a 384-float vector): some 30 MB at most. */
    private static final int CACHED_PASSAGES = 8_192;

    private final Cache<SegmentDoc, Passage> passages = Caffeine.newBuilder().maximumSize(CACHED_PASSAGES).build();

    private record SegmentDoc(IndexReader.CacheKey segment, int doc) {
    }

    Passage load(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        if (core == null) {
            return read(leaf, local);
        }
        try {
            return passages.get(new SegmentDoc(core.getKey(), local), key -> {
                try {
                    return read(leaf, local);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Passage read(LeafReaderContext leaf, int local) throws IOException {
        var stored = ChunkDocuments.fromDocument(leaf.reader().storedFields().document(local));
        return Passage.of(stored, vector(leaf, local));
    }

    private static float[] vector(LeafReaderContext leaf, int local) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(local) != local) {
            return null;
        }
        return values.vectorValue(iterator.index()).clone();
    }
}
