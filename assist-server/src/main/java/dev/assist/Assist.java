package dev.assist;

import dev.assist.api.Backend;
import dev.assist.api.HttpApi;
import dev.assist.api.Readiness;
import dev.assist.api.RequestRules;
import dev.assist.auth.ApiKeys;
import dev.assist.config.AssistConfig;
import dev.assist.embed.Embedder;
import dev.assist.feedback.FeedbackLog;
import dev.assist.knowledge.LiveIndex;
import dev.assist.llm.LlmConfig;
import dev.assist.metrics.StageTimers;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.pipeline.PipelineFactory;
import dev.assist.pipeline.StageObserver;
import dev.assist.retrieve.Channel;
import dev.assist.suggest.ReplyPhrases;
import dev.assist.suggest.ReplySuggester;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server, wired by hand: configuration, embedding model and index in, a running HTTP API out.
 * The port opens first and answers {@code /healthz} at once; the index is opened on a background
 * thread, and {@code /readyz} and the {@code /v1} routes answer 503 until it is.
 */
public final class Assist implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Assist.class);

    private final AssistConfig config;
    private final Embedder embedder;
    private final IndexOpener opener;
    private final PipelineFactory pipelines;
    private final StageTimers stageTimers;
    private final ReplyPhrases phrases = ReplyPhrases.bundled();
    private final Readiness readiness = new Readiness();
    private final FeedbackLog feedback;
    private final HttpApi api;
    private final Javalin app;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private LiveIndex index;
    private boolean stopped;

    /** Opens the index the server will search and update. */
    @FunctionalInterface
    public interface IndexOpener {
        LiveIndex open(Embedder embedder) throws IOException;
    }

    /**
     * @param pages serve the static widget and sidebar pages when they are on the class path
     * @throws dev.assist.config.ConfigException when the API keys are misconfigured
     */
    public Assist(AssistConfig config, Embedder embedder, IndexOpener opener, boolean pages) {
        this.config = config;
        this.embedder = embedder;
        this.opener = opener;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("assist.ready", readiness, r -> r.isReady() ? 1 : 0)
                .description("1 once the index is open and requests are answered")
                .register(registry);
        this.pipelines = PipelineFactory.forConfig(embedder, config, LlmConfig.fromEnvironment(System.getenv()));
        this.stageTimers = new StageTimers(registry);
        this.feedback = new FeedbackLog(config.feedback().path(config.index()));
        this.api = new HttpApi(ApiKeys.fromConfig(config.apiKeys()), config.limits(), readiness, registry, feedback,
                config.pages(), pages ? Optional.of(HttpApi.PAGES) : Optional.empty());
        this.app = Javalin.create(api::configure);
    }

    /** A server that owns the index at {@code config.index()} (writable, for live article updates). */
    public static Assist forConfig(AssistConfig config, Embedder embedder, boolean pages) {
        return new Assist(config, embedder, model -> LiveIndex.open(Path.of(config.index()), model), pages);
    }

    /** Opens the port ({@code config.port()}; 0 picks a free one), then the index in the background. */
    public Assist start() {
        app.start(config.port());
        Thread.ofPlatform().name("assist-open-index").daemon(true).start(this::openIndex);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Completes when the index is open and requests are answered; fails when it cannot be opened. */
    public CompletableFuture<Void> ready() {
        return ready.copy();
    }

    /** The file {@code POST /v1/feedback} appends to. */
    public Path feedbackFile() {
        return feedback.file();
    }

    /** Every route as {@code METHOD /path}. */
    public List<String> routes() {
        return api.routes();
    }

    private void openIndex() {
        try {
            LiveIndex opened = opener.open(embedder);
            synchronized (this) {
                if (stopped) {
                    opened.close();
                    return;
                }
                index = opened;
            }
            warmUp(pipelines.build(config, opened.searchers(), StageObserver.NONE));
            AssistPipeline answers = pipelines.build(config, opened.searchers(), stageTimers);
            AssistPipeline search = pipelines.build(forResultLists(config), opened.searchers(), stageTimers);
            readiness.ready(new Backend(answers, search, new ReplySuggester(answers, phrases), opened));
            ready.complete(null);
            if (config.cache().warmSentences()) {
                Thread.ofVirtual().name("assist-warm-sentences").start(() -> warmSentences(opened));
            }
        } catch (Exception | Error e) {
            readiness.failed();
            LOG.error("cannot open the index {}: {}", config.index(), e.getMessage(), e);
            ready.completeExceptionally(e);
        }
    }

    /**
     * One question before the first customer's: language detection loads its models and the
     * embedding model its session lazily, which would make the first real answer take seconds.
     */
    private static void warmUp(AssistPipeline pipeline) {
        pipeline.answer(new AnswerRequest("assist-warm-up", Channel.BOT, "How do I download my invoices?",
                List.of(), Optional.empty()));
    }

    /** Fills the sentence-vector cache in the background, so re-ranking rarely embeds on a request. */
    private void warmSentences(LiveIndex opened) {
        try {
            long start = System.nanoTime();
            int embedded = pipelines.warmSentences(opened.searchers());
            LOG.info("sentence cache warm: {} sentences in {} s", embedded, (System.nanoTime() - start) / 1_000_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("sentence cache warm-up stopped: {}", e.getMessage());
        }
    }

    /** Search lists articles, not passages: one result per article, as many as a page may ask for. */
    private static AssistConfig forResultLists(AssistConfig config) {
        AssistConfig.Rerank rerank = config.rerank();
        return config.withRerank(new AssistConfig.Rerank(rerank.kind(), rerank.depth(), rerank.weights(),
                RequestRules.MAX_SEARCH_LIMIT, 1, rerank.mmrLambda(), rerank.crossEncoderModel(),
                rerank.crossEncoderTokenizer()));
    }

    /** Stops serving and closes the index (committed updates are already durable). */
    public void stop() {
        app.stop();
        try {
            feedback.close();
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("closing the feedback file: {}", e.getMessage());
        }
        LiveIndex toClose;
        synchronized (this) {
            stopped = true;
            toClose = index;
            index = null;
        }
        if (toClose != null) {
            try {
                toClose.close();
            } catch (IOException e) {
                LOG.warn("closing the index: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
