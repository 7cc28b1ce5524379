package dev.assist.testing;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.index.ArticleWriter;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexProgress;
import dev.assist.index.IndexSync;
import dev.assist.index.KnowledgeIndex;
import dev.assist.source.SourceScanner;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Lumora help center ({@code knowledge-samples/}) indexed once per test JVM as tenant
 * {@code lumora}, plus a second tenant {@code other} holding a copy of a few articles, so
 * isolation tests have something to leak.
 */
public final class SamplesIndex {
    public static final String TENANT = "lumora";
    public static final String OTHER_TENANT = "other";
    private static Path built;

    private SamplesIndex() {
    }

    public static synchronized Path path() {
        if (built == null) {
            try {
                built = build(Files.createTempDirectory("assist-samples-index"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built;
    }

    public static Path samples() {
        return repoRoot().resolve("knowledge-samples");
    }

    public static Path repoRoot() {
        String root = System.getProperty("assist.repo.root");
        return root == null ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
    }

    /** Copies an index so a test may change it without disturbing the shared one. */
    public static Path copy(Path target) throws IOException {
        Path source = path();
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    private static Path build(Path dir) throws IOException {
        Embedder embedder = SharedEmbedder.get();
        try (KnowledgeIndex index = KnowledgeIndex.openForWriting(dir,
                IndexMetadata.current(embedder.modelId(), embedder.dimension()), false)) {
            ArticleWriter writer = new ArticleWriter(index.writer(),
                    new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults()), embedder,
                    new LinguaArticleLanguageDetector());
            IndexSync sync = new IndexSync(index, writer);
            var samples = SourceScanner.allFormats().scan(samples(), TENANT);
            if (!samples.problems().isEmpty()) {
                throw new IllegalStateException("knowledge-samples has problems: " + samples.problems());
            }
            sync.sync(samples, TENANT, true, IndexProgress.NONE);
            // The other tenant: the English billing and internal folders, same ids, other tenant.
            var other = SourceScanner.allFormats().scan(samples().resolve("en/internal"), OTHER_TENANT);
            sync.sync(other, OTHER_TENANT, true, IndexProgress.NONE);
        }
        return dir;
    }
}
