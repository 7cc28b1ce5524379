package dev.assist.bench;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.index.ArticleWriter;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexProgress;
import dev.assist.index.IndexSync;
import dev.assist.index.KnowledgeIndex;
import dev.assist.index.SyncReport;
import dev.assist.source.SourceScanner;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.IOException;
import java.nio.file.Path;

/** Builds (or incrementally refreshes) the index a benchmark searches, with the indexer's own sync. */
public final class BenchIndexes {
    private BenchIndexes() {
    }

    public static SyncReport ensure(Path source, Path indexDir, String tenant, Embedder embedder) throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.openForWriting(indexDir,
                IndexMetadata.current(embedder.modelId(), embedder.dimension()), false)) {
            ArticleWriter writer = new ArticleWriter(index.writer(),
                    new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults()), embedder,
                    new LinguaArticleLanguageDetector());
            return new IndexSync(index, writer).sync(SourceScanner.allFormats().scan(source, tenant), tenant, true,
                    IndexProgress.NONE);
        }
    }

    /** The shared datasets folder next to the project ({@code ../shared/datasets}). */
    public static Path sharedDatasets() {
        return Path.of(System.getProperty("assist.home", "."), "..", "shared", "datasets").toAbsolutePath().normalize();
    }

    public static Path home() {
        return Path.of(System.getProperty("assist.home", ".")).toAbsolutePath().normalize();
    }
}
