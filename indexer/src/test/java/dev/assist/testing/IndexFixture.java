package dev.assist.testing;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.index.ArticleWriter;
import dev.assist.index.ChunkDocuments;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexProgress;
import dev.assist.index.IndexSync;
import dev.assist.index.KnowledgeIndex;
import dev.assist.index.StoredChunk;
import dev.assist.index.SyncReport;
import dev.assist.source.SourceScanner;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** Writes Markdown articles into a folder and syncs it into an index with the real components, as the CLI does. */
public final class IndexFixture {
    private final Path source;
    private final Path index;
    private final Embedder embedder = SharedEmbedder.get();

    public IndexFixture(Path root) {
        this.source = root.resolve("articles");
        this.index = root.resolve("index");
    }

    public Path source() {
        return source;
    }

    public Path index() {
        return index;
    }

    public Path article(String id, String title, String body) {
        return article(id, "en", "public", title, body);
    }

    public Path article(String id, String locale, String visibility, String title, String body) {
        Path file = source.resolve((locale == null ? "auto" : locale) + "/" + id + ".md");
        String localeLine = locale == null ? "" : "locale: " + locale + "\n";
        write(file, "---\nid: " + id + "\ntitle: \"" + title + "\"\n" + localeLine + "visibility: " + visibility
                + "\nsection: Help\n---\n" + body + "\n");
        return file;
    }

    public void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SyncReport sync(String tenant, boolean deleteMissing) throws IOException {
        var batch = SourceScanner.allFormats().scan(source, tenant);
        try (KnowledgeIndex knowledge = KnowledgeIndex.openForWriting(index,
                IndexMetadata.current(embedder.modelId(), embedder.dimension()), false)) {
            ArticleWriter writer = new ArticleWriter(knowledge.writer(),
                    new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults()), embedder,
                    new LinguaArticleLanguageDetector());
            return new IndexSync(knowledge, writer).sync(batch, tenant, deleteMissing, IndexProgress.NONE);
        }
    }

    public SyncReport sync() throws IOException {
        return sync("acme", true);
    }

    /** Every live chunk of the last commit, by article then ordinal. */
    public List<StoredChunk> chunks() throws IOException {
        return chunks(index);
    }

    public static List<StoredChunk> chunks(Path indexDir) throws IOException {
        List<StoredChunk> chunks = new ArrayList<>();
        try (var directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        chunks.add(ChunkDocuments.fromDocument(leaf.storedFields().document(doc)));
                    }
                }
            }
        }
        chunks.sort(Comparator.comparing(StoredChunk::tenant).thenComparing(StoredChunk::articleId)
                .thenComparing(StoredChunk::language).thenComparingInt(StoredChunk::ordinal));
        return chunks;
    }

    public List<StoredChunk> chunksOf(String articleId) throws IOException {
        return chunks().stream().filter(chunk -> chunk.articleId().equals(articleId)).toList();
    }
}
