package dev.assist.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene's default codec with an HNSW graph tuned for help-center sized indexes. Readers need no
 * custom codec: the vector format is recorded by name and its parameters only shape the graph.
 */
public final class IndexCodec {
    /** Neighbours per node (Lucene's default). */
    static final int MAX_CONNECTIONS = 16;
    /**
     * Candidates considered while inserting a node. Lucene's default of 100 makes graph building
     * the largest indexing cost after embedding; 50 roughly halves it. Searching with the
     * retriever's candidate depth keeps recall near exact (IndexCodecRecallTest measures both).
     */
    static final int BEAM_WIDTH = 50;

    private IndexCodec() {
    }

    public static Codec create() {
        return create(BEAM_WIDTH);
    }

    static Codec create(int beamWidth) {
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, beamWidth);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
