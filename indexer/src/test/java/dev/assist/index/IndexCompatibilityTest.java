package dev.assist.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.testing.IndexFixture;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index remembers its schema and model; opening it with others fails and says how to rebuild. */
class IndexCompatibilityTest {
    @TempDir
    Path root;

    private IndexMetadata current() {
        return IndexMetadata.current(SharedEmbedder.get().modelId(), SharedEmbedder.get().dimension());
    }

    @Test
    void commitRecordsSchemaModelAndDimension() throws IOException {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("a", "Title", "Body text.");
        fixture.sync();

        try (var directory = FSDirectory.open(fixture.index())) {
            IndexMetadata stored = KnowledgeIndex.readMetadata(directory, fixture.index()).orElseThrow();
            assertThat(stored).isEqualTo(current());
            assertThat(stored.schemaVersion()).isEqualTo(IndexSchema.VERSION);
            assertThat(stored.dimension()).isEqualTo(384);
        }
    }

    @Test
    void anotherModelIsRefusedWithARebuildInstruction() throws IOException {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("a", "Title", "Body text.");
        fixture.sync();
        IndexMetadata other = IndexMetadata.current("e5-small@0123456789ab/mean", 384);

        assertThatThrownBy(() -> KnowledgeIndex.openForWriting(fixture.index(), other, false))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessageContaining("was built with embedding model " + current().modelId())
                .hasMessageContaining("configured model is e5-small@0123456789ab/mean")
                .hasMessageContaining("./assist index --rebuild");
        assertThatThrownBy(() -> KnowledgeIndex.requireCompatible(fixture.index(), other))
                .isInstanceOf(IncompatibleIndexException.class);
        assertThat(IndexFixture.chunks(fixture.index())).as("refusing must not touch the index").hasSize(1);
    }

    @Test
    void aFolderOfOtherFilesIsNotMadeAnIndex() throws IOException {
        Path articles = Files.createDirectories(root.resolve("articles"));
        Files.writeString(articles.resolve("refunds.md"), "---\nid: refunds\ntitle: Refunds\n---\nBody.\n");

        for (boolean rebuild : new boolean[] {false, true}) {
            assertThatThrownBy(() -> KnowledgeIndex.openForWriting(articles, current(), rebuild))
                    .isInstanceOf(IncompatibleIndexException.class)
                    .hasMessage(articles + " holds other files and no index: point --index at an empty or new folder"
                            + " (nothing was written there)");
        }
        try (Stream<Path> files = Files.list(articles)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("refunds.md");
        }
    }

    @Test
    void anotherDimensionIsRefused() throws IOException {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("a", "Title", "Body text.");
        fixture.sync();

        assertThatThrownBy(() -> KnowledgeIndex.requireCompatible(fixture.index(),
                IndexMetadata.current(current().modelId(), 768)))
                .isInstanceOf(IncompatibleIndexException.class).hasMessageContaining("768 dims");
    }

    @Test
    void anotherSchemaVersionIsRefused() throws IOException {
        Path dir = root.resolve("old");
        try (var directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(IndexSchema.USER_SCHEMA_VERSION, "0",
                    IndexSchema.USER_MODEL_ID, current().modelId(), IndexSchema.USER_DIMENSION, "384").entrySet());
            writer.commit();
        }

        assertThatThrownBy(() -> KnowledgeIndex.openForWriting(dir, current(), false))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessageContaining("schema version 0")
                .hasMessageContaining("rebuild");
    }

    @Test
    void aLuceneIndexThatIsNotAssistsIsRefused() throws IOException {
        Path dir = root.resolve("foreign");
        try (var directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.commit();
        }

        assertThatThrownBy(() -> KnowledgeIndex.requireCompatible(dir, current()))
                .isInstanceOf(IncompatibleIndexException.class);
    }

    @Test
    void rebuildStartsOverWithTheNewModel() throws IOException {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("a", "Title", "Body text.");
        fixture.sync();
        IndexMetadata other = IndexMetadata.current("e5-small@0123456789ab/mean", 384);

        try (KnowledgeIndex rebuilt = KnowledgeIndex.openForWriting(fixture.index(), other, true)) {
            assertThat(rebuilt.metadata()).isEqualTo(other);
        }

        assertThat(IndexFixture.chunks(fixture.index())).isEmpty();
        KnowledgeIndex.requireCompatible(fixture.index(), other);
    }
}
