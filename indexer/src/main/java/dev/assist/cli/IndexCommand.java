package dev.assist.cli;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.index.ArticleWriter;
import dev.assist.index.IncompatibleIndexException;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexSync;
import dev.assist.index.KnowledgeIndex;
import dev.assist.index.SyncReport;
import dev.assist.source.SourceBatch;
import dev.assist.source.SourceProblem;
import dev.assist.source.SourceScanner;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assist index}: syncs a folder or file of articles into an index. Exit status 0 when
 * everything was read, 1 when some files failed (the others are indexed), 3 when the index
 * cannot be used (another model or schema) or the run failed.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index help-center articles (Markdown, HTML, help-center JSON, JSONL); only changes are re-embedded.")
public final class IndexCommand implements Callable<Integer> {
    public static final int EXIT_SOURCE_PROBLEMS = 1;
    public static final int EXIT_FATAL = 3;

    @Option(names = "--source", required = true, description = "A folder or a file of articles.")
    Path source;

    @Option(names = "--index", required = true, description = "The index folder.")
    Path index;

    @Option(names = "--tenant", defaultValue = "default", description = "Tenant the articles belong to (default: ${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--no-delete", description = "Keep indexed articles that are gone from the source.")
    boolean noDelete;

    @Option(names = "--rebuild", description = "Start from an empty index (needed after changing the model).")
    boolean rebuild;

    @Option(names = "--chunk-tokens", defaultValue = "256", description = "Token budget per chunk (default: ${DEFAULT-VALUE}).")
    int chunkTokens;

    @Option(names = "--overlap-tokens", defaultValue = "32", description = "Overlap between chunks of one section (default: ${DEFAULT-VALUE}).")
    int overlapTokens;

    @Option(names = "--log-interval", defaultValue = "5", description = "Seconds between progress lines when not on a terminal.")
    double logInterval;

    @Mixin
    EmbeddingOptions embedding = new EmbeddingOptions();

    private final PrintStream out;
    private final PrintStream err;

    public IndexCommand() {
        this(System.out, System.err);
    }

    public IndexCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexCommand()).execute(args));
    }

    /** Problems carry paths relative to the source folder; print them as the user can open them. */
    private String located(SourceProblem problem) {
        Path file = java.nio.file.Files.isRegularFile(source) ? source : source.resolve(problem.path());
        return new SourceProblem(file.toString(), problem.line(), problem.reason()).toString();
    }

    @Override
    public Integer call() throws Exception {
        SourceBatch batch;
        try {
            batch = SourceScanner.allFormats().scan(source, tenant);
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_FATAL;
        }
        Embedder embedder = Embedders.create(embedding.toConfig());
        IndexMetadata metadata = IndexMetadata.current(embedder.modelId(), embedder.dimension());
        try (KnowledgeIndex knowledgeIndex = KnowledgeIndex.openForWriting(index, metadata, rebuild)) {
            HeadingChunker chunker = new HeadingChunker(embedder.tokens(), new ChunkingPolicy(chunkTokens, overlapTokens));
            ArticleWriter writer = new ArticleWriter(knowledgeIndex.writer(), chunker, embedder,
                    new LinguaArticleLanguageDetector());
            boolean terminal = Boolean.getBoolean("assist.tty");
            SyncReport report = new IndexSync(knowledgeIndex, writer)
                    .sync(batch, tenant, !noDelete, new ConsoleProgress(out, terminal, logInterval));
            for (SourceProblem problem : report.problems()) {
                err.println("failed: " + located(problem));
            }
            out.println("index " + index + " (" + embedder.modelId() + "): " + report.summary());
            return report.failed() > 0 ? EXIT_SOURCE_PROBLEMS : 0;
        } catch (IncompatibleIndexException e) {
            err.println("error: " + e.getMessage());
            return EXIT_FATAL;
        }
    }
}
