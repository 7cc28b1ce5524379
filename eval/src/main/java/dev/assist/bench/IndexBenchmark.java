package dev.assist.bench;

import dev.assist.chunk.Chunk;
import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.cli.EmbeddingOptions;
import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.index.ArticleWriter;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexProgress;
import dev.assist.index.IndexSync;
import dev.assist.index.KnowledgeIndex;
import dev.assist.index.SyncReport;
import dev.assist.source.Article;
import dev.assist.source.SourceBatch;
import dev.assist.source.SourceScanner;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assist bench index}: the whole indexer against the bare ONNX embedding of the same
 * chunk texts with the same model and batch size, in one process, plus an unchanged second run.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Indexer throughput vs bare embedding, index size, peak RSS, unchanged re-run.")
public final class IndexBenchmark implements Callable<Integer> {
    @Option(names = "--corpus", description = "Articles to index (default: the dstc11 knowledge corpus in ../shared/datasets).")
    Path corpus;

    @Option(names = "--work", description = "Scratch folder for the index (default: a temp folder, deleted after).")
    Path work;

    @Mixin
    EmbeddingOptions embedding = new EmbeddingOptions();

    @Override
    public Integer call() throws IOException {
        Path source = corpus != null ? corpus
                : Path.of(System.getProperty("assist.home", "."), "..", "shared", "datasets",
                        "dstc11_track5_knowledge", "corpus.jsonl").normalize();
        if (!Files.exists(source)) {
            System.err.println("bench index: corpus " + source + " does not exist (give --corpus FILE_OR_FOLDER)");
            return 1;
        }
        Path dir = work != null ? work : Files.createTempDirectory("assist-bench-index");
        try {
            return run(source, dir.resolve("index"));
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
    }

    private int run(Path source, Path indexDir) throws IOException {
        SourceBatch batch = SourceScanner.allFormats().scan(source, "bench");
        if (batch.articles().isEmpty()) {
            System.err.println("bench index: no articles read from " + source);
            return 1;
        }
        Embedder embedder = Embedders.create(embedding.toConfig());
        HeadingChunker chunker = new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults());
        List<String> texts = new ArrayList<>();
        for (Article article : batch.articles()) {
            chunker.chunk(article).stream().map(Chunk::embeddedText).forEach(texts::add);
        }
        System.out.printf(Locale.ROOT, "corpus %s: %d articles, %d chunks; model %s, batch %d, %d cores%n",
                source, batch.articles().size(), texts.size(), embedder.modelId(), embedding.toConfig().batchSize(),
                Runtime.getRuntime().availableProcessors());

        embedder.embedDocuments(texts.subList(0, Math.min(512, texts.size()))); // warm-up: JIT and ONNX arenas

        long t0 = System.nanoTime();
        embedder.embedDocuments(texts);
        double bareSeconds = (System.nanoTime() - t0) / 1e9;

        SyncReport first = index(batch, embedder, chunker, indexDir);
        SyncReport second = index(batch, embedder, chunker, indexDir);

        double bareRate = texts.size() / bareSeconds;
        double indexRate = first.chunksEmbedded() / first.seconds();
        System.out.printf(Locale.ROOT, "bare embedding:   %d chunks in %.2f s = %.1f chunks/s%n", texts.size(), bareSeconds, bareRate);
        System.out.printf(Locale.ROOT, "whole indexer:    %d chunks in %.2f s = %.1f chunks/s (%s)%n",
                first.chunksEmbedded(), first.seconds(), indexRate, first.summary());
        System.out.printf(Locale.ROOT, "indexer / bare throughput ratio: %.3f (goal >= 0.9)%n", indexRate / bareRate);
        System.out.printf(Locale.ROOT, "unchanged re-run: %.3f s, %d chunks embedded; first/second = %.1fx (goal >= 50x)%n",
                second.seconds(), second.chunksEmbedded(), first.seconds() / second.seconds());
        System.out.printf(Locale.ROOT, "index size: %.1f MiB; peak RSS: %.0f MiB%n", size(indexDir) / 1048576.0,
                ProcessMemory.peakRssMiB());
        return 0;
    }

    private static SyncReport index(SourceBatch batch, Embedder embedder, HeadingChunker chunker, Path indexDir)
            throws IOException {
        IndexMetadata metadata = IndexMetadata.current(embedder.modelId(), embedder.dimension());
        try (KnowledgeIndex index = KnowledgeIndex.openForWriting(indexDir, metadata, false)) {
            ArticleWriter writer = new ArticleWriter(index.writer(), chunker, embedder, new LinguaArticleLanguageDetector());
            return new IndexSync(index, writer).sync(batch, "bench", true, IndexProgress.NONE);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
