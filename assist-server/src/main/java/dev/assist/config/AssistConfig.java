package dev.assist.config;

import dev.assist.compose.ConfidenceModel;
import dev.assist.compose.ExtractiveSettings;
import dev.assist.rerank.RerankWeights;
import dev.assist.triage.LanguageIdentifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's whole configuration: defaults from {@code assist-defaults.yaml}, a user file over
 * them, then the environment ({@link ConfigLoader}). Every field is validated at start-up.
 */
public record AssistConfig(
        String index,
        int port,
        List<String> languages,
        String defaultLanguage,
        List<String> fallbackLanguages,
        Retrieval retrieval,
        Rerank rerank,
        Compose compose,
        Cache cache,
        Limits limits,
        Triage triage,
        Routing routing,
        List<ApiKeyConfig> apiKeys,
        Feedback feedback,
        Pages pages) {

    public AssistConfig {
        require(port >= 0 && port <= 65535, "port must be within 0..65535");
        require(languages != null && !languages.isEmpty(), "languages must list at least one language");
        require(defaultLanguage != null && !defaultLanguage.isBlank(), "default_language is required");
        fallbackLanguages = fallbackLanguages == null ? List.of() : List.copyOf(fallbackLanguages);
        languages = List.copyOf(languages);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        require(retrieval != null && rerank != null && compose != null && cache != null && limits != null
                        && triage != null && routing != null,
                "retrieval, rerank, compose, cache, limits, triage and routing sections are required");
        feedback = feedback == null ? new Feedback(null) : feedback;
        pages = pages == null ? new Pages(null, null) : pages;
    }

    public AssistConfig withIndex(String newIndex) {
        return new AssistConfig(newIndex, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withPort(int newPort) {
        return new AssistConfig(index, newPort, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withApiKeys(List<ApiKeyConfig> keys) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, triage, routing, keys, feedback, pages);
    }

    public AssistConfig withFallbackLanguages(List<String> languages) {
        return new AssistConfig(index, port, this.languages, defaultLanguage, languages, retrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withCompose(Compose newCompose) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, newCompose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withCache(Cache newCache) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                newCache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withLimits(Limits newLimits) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, newLimits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withRetrieval(Retrieval newRetrieval) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, newRetrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withRerank(Rerank newRerank) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, newRerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withTriage(Triage newTriage) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, newTriage, routing, apiKeys, feedback, pages);
    }

    public AssistConfig withFeedback(Feedback newFeedback) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, newFeedback, pages);
    }

    public AssistConfig withPages(Pages newPages) {
        return new AssistConfig(index, port, languages, defaultLanguage, fallbackLanguages, retrieval, rerank, compose,
                cache, limits, triage, routing, apiKeys, feedback, newPages);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    /** First-stage retrieval: which retrievers, how they are fused, how deep. */
    public record Retrieval(String retriever, String fusion, int rrfK, double rrfLexicalWeight, double rrfVectorWeight,
                            double convexAlpha, int adaptiveRank, double adaptivePower, int depth, int candidates,
                            float titleBoost, List<String> vectorLanguages) {
        public Retrieval {
            vectorLanguages = vectorLanguages == null ? List.of("*") : List.copyOf(vectorLanguages);
            require(depth >= 1 && candidates >= 1, "retrieval.depth and retrieval.candidates must be at least 1");
            require(rrfK >= 1, "retrieval.rrf_k must be at least 1");
            require(convexAlpha >= 0 && convexAlpha <= 1, "retrieval.convex_alpha must be within [0, 1]");
            require(adaptiveRank >= 2, "retrieval.adaptive_rank must be at least 2");
            require(adaptivePower >= 0, "retrieval.adaptive_power must not be negative");
        }

        public Retrieval with(String newRetriever, String newFusion) {
            return new Retrieval(newRetriever, newFusion, rrfK, rrfLexicalWeight, rrfVectorWeight, convexAlpha, adaptiveRank,
                    adaptivePower, depth, candidates, titleBoost, vectorLanguages);
        }

        public Retrieval withVectorLanguages(List<String> languages) {
            return new Retrieval(retriever, fusion, rrfK, rrfLexicalWeight, rrfVectorWeight, convexAlpha, adaptiveRank,
                    adaptivePower, depth, candidates, titleBoost, languages);
        }
    }

    /** Re-ranking and diversity. */
    public record Rerank(String kind, int depth, RerankWeights weights, int passages, int maxPerArticle, double mmrLambda,
                         String crossEncoderModel, String crossEncoderTokenizer) {
        public Rerank {
            require(depth >= 1 && passages >= 1 && maxPerArticle >= 1,
                    "rerank.depth, rerank.passages and rerank.max_per_article must be at least 1");
            require(mmrLambda >= 0 && mmrLambda <= 1, "rerank.mmr_lambda must be within [0, 1]");
            weights = weights == null ? RerankWeights.defaults() : weights;
        }

        /** The same re-ranking keeping more passages and fewer per article, as ranking metrics need. */
        public Rerank forRanking(int keep, int perArticle) {
            return new Rerank(kind, depth, weights, keep, perArticle, mmrLambda, crossEncoderModel, crossEncoderTokenizer);
        }

        public Rerank withKind(String newKind) {
            return new Rerank(newKind, depth, weights, passages, maxPerArticle, mmrLambda, crossEncoderModel, crossEncoderTokenizer);
        }
    }

    /** The extractive composer and its confidence calibration. */
    public record Compose(ExtractiveSettings extractive, ConfidenceModel confidence) {
        public Compose {
            require(extractive != null && confidence != null, "compose.extractive and compose.confidence are required");
        }
    }

    /**
     * Cache sizes (entries).
     *
     * @param warmSentences embed the index's sentences into the cache in the background at start-up
     */
    public record Cache(long queries, long sentences, boolean warmSentences) {
    }

    /**
     * What a request may send, and how often.
     *
     * @param ratePerMinute requests a minute one API key may make from one client address (0: no limit)
     * @param rateBurst requests such a client may make at once before the rate applies
     * @param trustedProxies addresses or CIDR blocks of the reverse proxies in front of the server: from
     *     these the client address is read from {@code X-Forwarded-For}; from anyone else the header is ignored
     */
    public record Limits(int maxQuestionChars, int maxBodyBytes, int maxHistoryTurns, int ratePerMinute, int rateBurst,
                         List<String> trustedProxies) {
        public Limits {
            require(maxQuestionChars > 0 && maxBodyBytes > 0 && maxHistoryTurns >= 0, "limits must be positive");
            require(ratePerMinute >= 0, "limits.rate_per_minute must be 0 (no limit) or positive");
            require(ratePerMinute == 0 || rateBurst >= 1, "limits.rate_burst must be at least 1");
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            for (String proxy : trustedProxies) {
                try {
                    AddressRange.parse(proxy);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("limits.trusted_proxies: " + e.getMessage());
                }
            }
        }

        public Limits withRate(int newRatePerMinute, int newBurst) {
            return new Limits(maxQuestionChars, maxBodyBytes, maxHistoryTurns, newRatePerMinute, newBurst, trustedProxies);
        }

        public Limits withTrustedProxies(List<String> proxies) {
            return new Limits(maxQuestionChars, maxBodyBytes, maxHistoryTurns, ratePerMinute, rateBurst, proxies);
        }

        /** The trusted proxies, parsed. */
        public List<AddressRange> proxyRanges() {
            return trustedProxies.stream().map(AddressRange::parse).toList();
        }
    }

    /**
     * Triage of conversations.
     *
     * @param intentModel a model file written by {@code ./assist train intents}; null: the bundled Lumora intents
     * @param sentimentModel a model file written by {@code ./assist train sentiment}; null: the bundled model
     * @param languages the languages a conversation is identified among (ISO 639-1); empty: the server's {@code languages}
     * @param tenantLanguages a tenant's own languages, which replace the default (its articles' languages plus English)
     * @param reloadSeconds how often the model files are checked for a change (a changed file is reloaded, no restart)
     */
    public record Triage(String intentModel, String sentimentModel, List<String> languages,
                         Map<String, List<String>> tenantLanguages, int reloadSeconds) {
        public Triage {
            languages = languages == null ? List.of() : languageCodes("triage.languages", languages);
            Map<String, List<String>> perTenant = new LinkedHashMap<>();
            if (tenantLanguages != null) {
                tenantLanguages.forEach((tenant, codes) -> {
                    String field = "triage.tenant_languages." + tenant;
                    require(codes != null && !codes.isEmpty(), field + " must list at least one language;"
                            + " remove the tenant to default to its articles' languages plus English");
                    perTenant.put(tenant, languageCodes(field, codes));
                });
            }
            tenantLanguages = Collections.unmodifiableMap(perTenant);
            require(reloadSeconds >= 1, "triage.reload_seconds must be at least 1");
        }

        /** Lower-case ISO 639-1 codes; an unknown one is an error naming the field. */
        private static List<String> languageCodes(String field, List<String> codes) {
            List<String> normalized = new ArrayList<>();
            for (String code : codes) {
                require(code != null && LanguageIdentifier.supports(code.strip()), field + ": unknown language '" + code
                        + "' (use ISO 639-1 codes the language detector knows, e.g. en, de, fr)");
                normalized.add(code.strip().toLowerCase(Locale.ROOT));
            }
            return List.copyOf(normalized);
        }
    }

    /**
     * Routing of conversations to teams and agents.
     *
     * @param teams a YAML file mapping intents to teams ({@code intentTeams}, {@code defaultTeam},
     *              {@code waitForSkillSeconds}); null: the bundled map of the Lumora intents
     * @param agentStaleMinutes an agent not announced with {@code PUT /v1/agents/{id}} for this long counts as offline
     * @param maxAgentsPerTenant agents a tenant may announce
     */
    public record Routing(String teams, int agentStaleMinutes, int maxAgentsPerTenant) {
        public Routing {
            require(agentStaleMinutes >= 1, "routing.agent_stale_minutes must be at least 1");
            require(maxAgentsPerTenant >= 1, "routing.max_agents_per_tenant must be at least 1");
        }
    }

    /** One API key: its SHA-256 (or, for local use, the key itself), tenant and scope. */
    public record ApiKeyConfig(String key, String sha256, String tenant, String scope) {
    }

    /**
     * Where answer feedback is appended (JSON Lines).
     *
     * @param file the file; null means {@code feedback.jsonl} next to the index folder
     */
    public record Feedback(String file) {
        public Feedback {
            require(file == null || !file.isBlank(), "feedback.file must be a file path or null");
        }

        /** The file feedback goes to for a server of {@code index}. */
        public Path path(String index) {
            if (file != null) {
                return Path.of(file);
            }
            Path parent = Path.of(index).toAbsolutePath().getParent();
            return parent == null ? Path.of("feedback.jsonl") : parent.resolve("feedback.jsonl");
        }
    }

    /**
     * The demo pages' keys, handed out by {@code GET /demo-config.json}: leave both null outside a demo.
     *
     * @param demoBotKey a configured key of scope bot that the public demo page may use
     * @param demoAgentKey a configured key of scope agent, offered to the agent page only on a loopback request
     */
    public record Pages(String demoBotKey, String demoAgentKey) {
    }
}
