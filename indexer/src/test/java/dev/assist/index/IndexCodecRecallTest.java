package dev.assist.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The reduced HNSW beam width must not cost retrieval quality: approximate top-10 against exact
 * top-10 on clustered unit vectors (embeddings of help articles cluster by topic), 8000 vectors
 * of 384 dims, near neighbours nearly equidistant inside a cluster (the hard case for HNSW).
 */
class IndexCodecRecallTest {
    private static final int DIMS = 384;

    @Test
    void searchingAtTheRetrieversCandidateDepthIsNearlyExact() throws IOException {
        double recallAtDepth50 = recallAt10(IndexCodec.BEAM_WIDTH, 50);
        assertThat(recallAtDepth50).as("recall@10 when searching 50 candidates").isGreaterThan(0.97);
    }

    @Test
    void halfTheDefaultBeamCostsLittleRecall() throws IOException {
        double ours = recallAt10(IndexCodec.BEAM_WIDTH, 10);
        double lucenesDefault = recallAt10(100, 10);
        assertThat(ours).as("recall@10 at k=10, beam 50 vs 100 (%.3f)", lucenesDefault).isGreaterThan(lucenesDefault - 0.05);
    }

    private double recallAt10(int beamWidth, int candidates) throws IOException {
        Random random = new Random(42);
        List<float[]> centers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            centers.add(unit(gaussian(random, 1.0f)));
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            vectors.add(near(centers.get(random.nextInt(centers.size())), random));
        }
        try (var directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(IndexCodec.create(beamWidth)))) {
                for (int i = 0; i < vectors.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StoredField("i", i));
                    doc.add(new KnnFloatVectorField("v", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int found = 0;
                int queries = 100;
                for (int q = 0; q < queries; q++) {
                    float[] query = near(centers.get(random.nextInt(centers.size())), random);
                    Set<Integer> exact = exactTop(vectors, query, 10);
                    for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery("v", query, candidates), 10).scoreDocs) {
                        if (exact.contains(reader.storedFields().document(hit.doc).getField("i").numericValue().intValue())) {
                            found++;
                        }
                    }
                }
                double recall = found / (queries * 10.0);
                System.out.printf("beam %d, %d candidates: recall@10 %.3f%n", beamWidth, candidates, recall);
                return recall;
            }
        }
    }

    private static Set<Integer> exactTop(List<float[]> vectors, float[] query, int k) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            ids.add(i);
        }
        ids.sort((a, b) -> Double.compare(dot(vectors.get(b), query), dot(vectors.get(a), query)));
        return new HashSet<>(ids.subList(0, k));
    }

    private static float[] near(float[] center, Random random) {
        float[] noise = gaussian(random, 0.045f);
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = center[i] + noise[i];
        }
        return unit(v);
    }

    private static float[] gaussian(Random random, float scale) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
