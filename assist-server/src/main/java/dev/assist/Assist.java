package dev.assist;

import dev.assist.api.Backend;
import dev.assist.api.HttpApi;
import dev.assist.api.Readiness;
import dev.assist.api.RequestRules;
import dev.assist.auth.ApiKeys;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
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
import dev.assist.routing.AgentRegistry;
import dev.assist.routing.Dispatcher;
import dev.assist.routing.Router;
import dev.assist.routing.RoutingConfig;
import dev.assist.suggest.ReplyPhrases;
import dev.assist.suggest.ReplySuggester;
import dev.assist.triage.LanguageSettings;
import dev.assist.triage.ModelReloader;
import dev.assist.triage.ModelSource;
import dev.assist.triage.SignalDetector;
import dev.assist.triage.Triage;
import dev.assist.triage.TriageConfig;
import dev.assist.triage.TriageRequest;
import dev.assist.triage.learn.IncompatibleModelException;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server, wired by hand: configuration, embedding model and index in, a running HTTP API out.
 * The port opens first and answers {@code /healthz} at once; the index is opened and the triage
 * models are loaded on a background thread, and {@code /readyz} and the {@code /v1} routes answer
 * 503 until they are. Agent state lives in memory, one registry per server (see {@link AgentRegistry}).
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
    private final TriageConfig triageConfig;
    private final ModelSource intentModel;
    private final ModelSource sentimentModel;
    private final AgentRegistry agents;
    private final Router router;
    private final HttpApi api;
    private final Javalin app;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private LiveIndex index;
    private ModelReloader reloader;
    private boolean stopped;

    /** Opens the index the server will search and update. */
    @FunctionalInterface
    public interface IndexOpener {
        LiveIndex open(Embedder embedder) throws IOException;
    }

    /**
     * @param pages serve the static widget and sidebar pages when they are on the class path
     * @throws ConfigException when the API keys, the triage languages or the routing map are misconfigured, or a
     *     triage model cannot be read or does not fit the embedding model
     */
    public Assist(AssistConfig config, Embedder embedder, IndexOpener opener, boolean pages) {
        this(config, embedder, opener, pages, LlmConfig.fromEnvironment(System.getenv()));
    }

    /** @param llm the language model answers are generated with, or {@link LlmConfig#none()} for extractive answers */
    public Assist(AssistConfig config, Embedder embedder, IndexOpener opener, boolean pages, LlmConfig llm) {
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
        this.pipelines = PipelineFactory.forConfig(embedder, config, llm);
        this.stageTimers = new StageTimers(registry);
        this.triageConfig = triageConfig(config);
        this.intentModel = triageModel("triage.intent_model", config.triage().intentModel(), Triage.BUNDLED_INTENTS, "intents");
        this.sentimentModel = triageModel("triage.sentiment_model", config.triage().sentimentModel(), Triage.BUNDLED_SENTIMENT,
                "sentiment");
        try {
            Triage.checkSentimentLabels(sentimentModel.model());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("triage.sentiment_model: " + e.getMessage(), e);
        }
        this.agents = new AgentRegistry(Clock.systemUTC(), Duration.ofMinutes(config.routing().agentStaleMinutes()),
                config.routing().maxAgentsPerTenant());
        this.router = new Router(routingConfig(config.routing()), agents);
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
            Triage triage = loadTriage(opened);
            readiness.ready(new Backend(answers, search, new ReplySuggester(answers, phrases), opened,
                    new Dispatcher(triage, router), agents));
            ready.complete(null);
            if (config.cache().warmSentences()) {
                Thread.ofVirtual().name("assist-warm-sentences").start(() -> warmSentences(opened));
            }
        } catch (Exception | Error e) {
            readiness.failed();
            LOG.error("cannot open the index {} or load the triage models: {}", config.index(), e.getMessage(), e);
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

    /**
     * The triage models (bundled, or the configured files, which a timer reloads when they change) and
     * Lingua's language models, loaded and warmed before the first request needs them.
     */
    private Triage loadTriage(LiveIndex opened) {
        AssistConfig.Triage settings = config.triage();
        long start = System.nanoTime();
        Triage triage = new Triage(embedder, triageConfig, opened::articleLanguages,
                intentModel, sentimentModel, SignalDetector.defaults());
        triage.triage(TriageRequest.of("How do I download my invoices?", "assist-warm-up"));
        LOG.info("triage ready in {} ms: languages {}, {} tenants with their own, Lingua models {}; intents {}, sentiment {}",
                (System.nanoTime() - start) / 1_000_000, new TreeSet<>(triageConfig.languages()),
                triageConfig.tenantLanguages().size(), triageConfig.allLanguages(), settings.intentModel() == null ? "bundled" : settings.intentModel(),
                settings.sentimentModel() == null ? "bundled" : settings.sentimentModel());
        if (settings.intentModel() != null || settings.sentimentModel() != null) {
            ModelReloader started = ModelReloader.start(triage, Duration.ofSeconds(settings.reloadSeconds()),
                    e -> LOG.error("a triage model file changed but cannot be loaded; still serving the previous model: {}",
                            e.getMessage()));
            synchronized (this) {
                if (stopped) {
                    started.close();
                } else {
                    reloader = started;
                }
            }
        }
        return triage;
    }

    /**
     * A triage model, read when the server is built: a missing or foreign file, or bundled models that
     * do not fit another embedding model, stop start-up with the key to set instead of failing later.
     */
    private ModelSource triageModel(String key, String file, String bundled, String kind) {
        Set<String> accepted = Triage.acceptedEmbeddingModels(embedder);
        if (file != null) {
            try {
                return ModelSource.file(Path.of(file), accepted);
            } catch (IncompatibleModelException | UncheckedIOException | IllegalArgumentException e) {
                throw new ConfigException(key + ": " + e.getMessage(), e);
            }
        }
        try {
            return ModelSource.resource(bundled, accepted);
        } catch (IncompatibleModelException e) {
            throw new ConfigException(key + " is not set, and the bundled " + kind + " model does not fit this server's "
                    + "embedding model (" + e.getMessage() + "): train one with ./assist train " + kind
                    + " --data FILE --out MODEL and the server's embedding options, then set " + key + ": MODEL", e);
        }
    }

    /**
     * Triage chooses among {@code triage.languages} (or the server's {@code languages} when none are
     * listed), narrowed per tenant to {@code triage.tenant_languages} or its articles' languages.
     */
    private static TriageConfig triageConfig(AssistConfig config) {
        List<String> languages = config.triage().languages().isEmpty() ? config.languages() : config.triage().languages();
        Map<String, Set<String>> perTenant = new HashMap<>();
        config.triage().tenantLanguages().forEach((tenant, codes) -> perTenant.put(tenant, new TreeSet<>(codes)));
        try {
            return new TriageConfig(new LinkedHashSet<>(languages), perTenant, LanguageSettings.defaults(),
                    TriageConfig.defaults().embeddingCacheSize());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("triage.languages: " + e.getMessage(), e);
        }
    }

    private static RoutingConfig routingConfig(AssistConfig.Routing routing) {
        try {
            return routing.teams() == null ? RoutingConfig.defaults() : RoutingConfig.read(Path.of(routing.teams()));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ConfigException("routing.teams: " + e.getMessage(), e);
        }
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
            if (reloader != null) {
                reloader.close();
                reloader = null;
            }
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
