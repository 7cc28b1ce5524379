package dev.assist.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.testing.IndexFixture;
import dev.assist.testing.SharedEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed in the middle (power cut, kill -9) leaves the last good commit searchable and the index usable. */
class KilledRunTest {
    @TempDir
    Path root;

    @Test
    void killedRunLeavesTheLastCommitSearchable() throws Exception {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices to download PDF invoices.");
        fixture.article("password", "Reset your password", "Use the Forgot password link; it is valid for 60 minutes.");
        fixture.sync();
        List<StoredChunk> committed = fixture.chunks();

        // A big change: the old articles gone, 3000 new ones. Kill the indexer while it embeds them.
        IndexFixture big = new IndexFixture(root.resolve("big"));
        for (int i = 0; i < 3000; i++) {
            big.article("generated-" + i, "Generated article " + i,
                    "Article number " + i + " explains how booking reminder " + i + " works for salons and clinics.");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "dev.assist.cli.IndexCommand",
                "--source", big.source().toString(), "--index", fixture.index().toString(),
                "--tenant", "acme", "--log-interval", "0.1")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean embedding = false;
            while (!embedding && (line = out.readLine()) != null) {
                embedding = line.matches(".*chunks [1-9][0-9]*/.*");
            }
            assertThat(embedding).as("the child reached the embedding phase").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(IndexFixture.chunks(fixture.index())).isEqualTo(committed);
        try (var directory = FSDirectory.open(fixture.index()); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(searcher.count(new TermQuery(new Term(IndexSchema.ARTICLE_ID, "invoices")))).isEqualTo(1);
            float[] query = SharedEmbedder.get().embedQuery("how do I get a PDF of my bill");
            var hits = searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, query, 2), 2);
            assertThat(reader.storedFields().document(hits.scoreDocs[0].doc).get(IndexSchema.ARTICLE_ID)).isEqualTo("invoices");
        }
        // The lock died with the process: the next run can write, and sees nothing half-done.
        SyncReport next = fixture.sync();
        assertThat(next.unchanged()).isEqualTo(2);
        assertThat(next.chunksEmbedded()).isZero();
    }
}
