package dev.assist.retrieve;

import dev.assist.index.ChunkDocuments;
import dev.assist.index.IndexSchema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Reads a hit's stored fields and its vector (for re-ranking and diversity) from the searcher that found it. */
final class PassageLoader {
    private PassageLoader() {
    }

    static Passage load(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
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
