package dev.assist.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.auth.ApiKeys;
import dev.assist.config.AssistConfig;
import dev.assist.feedback.FeedbackLog;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP API on Javalin: its route table, who may call what, the JSON dialect, the one
 * exception-to-problem mapping and request metrics. Handlers only parse, authorize, call the
 * {@link Backend} and map results.
 */
public final class HttpApi {
    /** Classpath folder of the static chat-widget and agent-sidebar pages, served at {@code /} when present. */
    public static final String PAGES = "/public";
    private static final String OPEN_API = "/openapi.json";

    private final ObjectMapper json = ApiJson.mapper();
    private final ProblemResponses problems = new ProblemResponses(json);
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final RequestTimers timers;
    private final AnswerHandler answers;
    private final SearchHandler search;
    private final SuggestionsHandler suggestions;
    private final ArticlesHandler articles;
    private final FeedbackHandler feedback;
    private final DemoConfigHandler demo;
    private final TriageHandler triage;
    private final AgentsHandler agents;
    private final OpsHandler ops;
    private final Optional<String> pages;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    /**
     * @param feedback where {@code POST /v1/feedback} appends
     * @param demoKeys the keys {@code GET /demo-config.json} hands to the demo pages
     * @param pages a class-path folder of static pages to serve at {@code /} when it exists (normally {@link #PAGES})
     * @throws dev.assist.config.ConfigException when a demo key is not a configured key of its scope
     */
    public HttpApi(ApiKeys keys, AssistConfig.Limits limits, Readiness readiness, PrometheusMeterRegistry registry,
                   FeedbackLog feedback, AssistConfig.Pages demoKeys, Optional<String> pages) {
        JsonBodies bodies = new JsonBodies(json, limits.maxBodyBytes());
        RequestRules rules = new RequestRules(limits);
        this.authenticator = new Authenticator(keys);
        this.rateLimiter = new RateLimiter(limits.ratePerMinute(), limits.rateBurst(),
                new ClientAddress(limits.proxyRanges()));
        this.timers = new RequestTimers(registry);
        TriageRules triageRules = new TriageRules(rules);
        this.answers = new AnswerHandler(bodies, rules, triageRules, readiness, problems);
        this.search = new SearchHandler(bodies, rules, readiness);
        this.suggestions = new SuggestionsHandler(bodies, rules, triageRules, readiness);
        this.articles = new ArticlesHandler(bodies, rules, readiness);
        this.feedback = new FeedbackHandler(bodies, rules, feedback, Clock.systemUTC());
        this.demo = new DemoConfigHandler(demoKeys, keys);
        this.triage = new TriageHandler(bodies, triageRules, readiness);
        this.agents = new AgentsHandler(bodies, triageRules, readiness);
        this.ops = new OpsHandler(readiness, registry, resource(OPEN_API));
        this.pages = pages;
    }

    /** The API as a table: method, path, handler, who may call it (no tag: public). */
    private void routes(RoutesConfig api) {
        api.get("/healthz", ops::health);
        api.get("/readyz", ops::ready);
        api.get("/metrics", ops::metrics);
        api.get("/openapi.json", ops::openApi);
        api.get("/demo-config.json", demo::demoConfig);
        api.post("/v1/answer", answers::answer, Access.ANY_KEY);
        api.post("/v1/answer/stream", answers::stream, Access.ANY_KEY);
        api.post("/v1/search", search::search, Access.ANY_KEY);
        api.post("/v1/suggestions", suggestions::suggest, Access.AGENT);
        api.post("/v1/feedback", feedback::record, Access.BOT_OR_AGENT);
        api.post("/v1/triage", triage::triage, Access.ANY_KEY);
        api.post("/v1/route", triage::route, Access.AGENT_OR_ADMIN);
        api.get("/v1/agents", agents::list, Access.AGENT_OR_ADMIN);
        api.put("/v1/agents/{id}", agents::put, Access.ADMIN);
        api.delete("/v1/agents/{id}", agents::delete, Access.ADMIN);
        api.put("/v1/articles/{id}", articles::put, Access.ADMIN);
        api.delete("/v1/articles/{id}", articles::delete, Access.ADMIN);
    }

    public void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(json, true));
        config.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod()) {
                routes.add(meta.getHttpMethod().name() + " " + meta.getPath());
            }
        });
        config.requestLogger.http(timers::record);
        problems.register(config);
        // The widget is embedded on other sites' pages. Keys travel in the Authorization header,
        // never in cookies, so allowing every origin lends a foreign page nothing it did not have.
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            rule.path = "/v1/*";
            rule.anyHost();
            rule.maxAge = 600;
            rule.exposeHeader("Retry-After");
        }));
        config.routes.beforeMatched(authenticator::authorize);
        config.routes.beforeMatched(rateLimiter::check);
        routes(config.routes);
        pages.filter(folder -> HttpApi.class.getResource(folder) != null).ifPresent(folder ->
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = folder;
                    files.location = Location.CLASSPATH;
                }));
    }

    /** Every route as {@code METHOD /path}, in table order. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
