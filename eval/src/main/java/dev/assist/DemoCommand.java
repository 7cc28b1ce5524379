package dev.assist;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.cli.ConsoleProgress;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.config.ConfigLoader;
import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist demo}: syncs {@code knowledge-samples/} into {@code data/index} as tenant
 * {@code lumora} (only what changed is embedded), then serves the API, and the widget pages when
 * they are built, with three demo keys printed at start-up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Index knowledge-samples/ into data/index (only changes), then serve the API and pages with demo keys.")
public final class DemoCommand implements Callable<Integer> {
    static final String TENANT = "lumora";
    static final String DEMO_BOT_KEY = "demo-bot-key";
    static final String DEMO_AGENT_KEY = "demo-agent-key";
    static final List<AssistConfig.ApiKeyConfig> DEMO_KEYS = List.of(
            new AssistConfig.ApiKeyConfig(DEMO_BOT_KEY, null, TENANT, "bot"),
            new AssistConfig.ApiKeyConfig(DEMO_AGENT_KEY, null, TENANT, "agent"),
            new AssistConfig.ApiKeyConfig("demo-admin-key", null, TENANT, "admin"));

    @Option(names = "--port", description = "Port to listen on (default: ASSIST_PORT or 7070).")
    Integer port;

    @Option(names = "--config", description = "YAML file merged over the built-in defaults.")
    Path config;

    @Option(names = "--source", description = "Articles to index (default: knowledge-samples).", hidden = true)
    Path source;

    @Option(names = "--index", description = "Index folder (default: data/index).", hidden = true)
    Path index;

    private final PrintStream out;
    private final PrintStream err;

    public DemoCommand() {
        this(System.out, System.err);
    }

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("assist.home", "."));
        Path articles = source != null ? source : home.resolve("knowledge-samples");
        Path indexPath = index != null ? index : home.resolve("data/index");
        AssistConfig settings;
        try {
            settings = ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ServerRunner.EXIT_CONFIG;
        }
        List<AssistConfig.ApiKeyConfig> keys = new ArrayList<>(settings.apiKeys());
        keys.addAll(DEMO_KEYS);
        settings = settings.withIndex(indexPath.toString()).withApiKeys(keys)
                .withPages(new AssistConfig.Pages(DEMO_BOT_KEY, DEMO_AGENT_KEY));
        if (port != null) {
            settings = settings.withPort(port);
        }
        Embedder embedder = Embedders.create(EmbedderConfig.defaults());
        if (!sync(embedder, articles, indexPath)) {
            return ServerRunner.EXIT_FATAL;
        }
        printKeys(settings.port());
        return new ServerRunner(out, err).serve(settings, embedder, true);
    }

    /** The same sync as {@code assist index --tenant lumora}; an index of another model is rebuilt. */
    private boolean sync(Embedder embedder, Path articles, Path indexPath) throws IOException {
        SourceBatch batch;
        try {
            batch = SourceScanner.allFormats().scan(articles, TENANT);
        } catch (IOException e) {
            err.println("error: " + e.getMessage() + " (run the demo from the Assist folder, or pass --source)");
            return false;
        }
        try (KnowledgeIndex knowledge = open(embedder, indexPath)) {
            ArticleWriter writer = new ArticleWriter(knowledge.writer(),
                    new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults()), embedder, new LinguaArticleLanguageDetector());
            SyncReport report = new IndexSync(knowledge, writer)
                    .sync(batch, TENANT, true, new ConsoleProgress(out, Boolean.getBoolean("assist.tty"), 5));
            for (SourceProblem problem : report.problems()) {
                err.println("failed: " + articles.resolve(problem.path()) + (problem.line() > 0 ? ":" + problem.line() : "")
                        + ": " + problem.reason());
            }
            out.println("index " + indexPath + " (" + embedder.modelId() + "): " + report.summary());
        }
        return true;
    }

    private KnowledgeIndex open(Embedder embedder, Path indexPath) throws IOException {
        IndexMetadata metadata = IndexMetadata.current(embedder.modelId(), embedder.dimension());
        try {
            return KnowledgeIndex.openForWriting(indexPath, metadata, false);
        } catch (IncompatibleIndexException e) {
            out.println(indexPath + " was built with another model or schema; rebuilding it for the demo");
            return KnowledgeIndex.openForWriting(indexPath, metadata, true);
        }
    }

    private void printKeys(int configuredPort) {
        String base = "http://localhost:" + (configuredPort == 0 ? "<port>" : configuredPort);
        out.println();
        out.println("Demo API keys (tenant " + TENANT + "):");
        out.println("  bot    demo-bot-key     public articles: /v1/answer, /v1/answer/stream, /v1/search");
        out.println("  agent  demo-agent-key   internal articles too, and /v1/suggestions");
        out.println("  admin  demo-admin-key   PUT and DELETE /v1/articles/{id}");
        out.println("Pages:");
        out.println("  " + base + "/        a help-center page with the chat widget (demo bot key)");
        out.println("  " + base + "/agent   the agent sidebar (demo agent key prefilled for localhost)");
        out.println("Try:");
        out.println("  curl -s " + base + "/v1/answer -H 'Authorization: Bearer demo-bot-key' "
                + "-H 'Content-Type: application/json' -d '{\"question\": \"How do I download my invoices?\"}'");
        out.println();
    }
}
