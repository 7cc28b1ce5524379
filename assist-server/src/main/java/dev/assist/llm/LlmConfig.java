package dev.assist.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the optional LLM and how patiently: provider, endpoint, model, credentials,
 * the overall time budget of one call, retries and the circuit breaker.
 *
 * <p>Validated on construction; every message names the environment variable to fix, because
 * that is where operators set these values ({@link #fromEnvironment(Map)}).
 *
 * @param provider       which wire protocol; {@link LlmProvider#NONE} disables generation
 * @param baseUrl        endpoint root; {@code null} means the provider's public default
 *                       (OpenAI, Anthropic) or {@code http://localhost:11434} (Ollama)
 * @param model          model name as the provider knows it; required unless {@code NONE}
 * @param apiKey         secret; required for Anthropic and for OpenAI's own endpoint, optional
 *                       for other OpenAI-compatible servers; never printed by {@link #toString()}
 * @param timeout        overall budget of one {@code complete} or {@code stream} call, retries included
 * @param maxRetries     extra attempts of a non-streaming call after a transient failure
 * @param temperature    sampling temperature, 0 to 2
 * @param failuresToOpen consecutive failures that open the circuit breaker
 * @param openDuration   how long an open breaker fails fast before it lets one probe through
 */
public record LlmConfig(LlmProvider provider, String baseUrl, String model, String apiKey,
                        Duration timeout, int maxRetries, double temperature,
                        int failuresToOpen, Duration openDuration) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_RETRIES = 1;
    public static final double DEFAULT_TEMPERATURE = 0.2;
    public static final int DEFAULT_FAILURES_TO_OPEN = 5;
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);

    public static final String ENV_PROVIDER = "ASSIST_LLM_PROVIDER";
    public static final String ENV_BASE_URL = "ASSIST_LLM_BASE_URL";
    public static final String ENV_MODEL = "ASSIST_LLM_MODEL";
    public static final String ENV_API_KEY = "ASSIST_LLM_API_KEY";
    public static final String ENV_TIMEOUT_MS = "ASSIST_LLM_TIMEOUT_MS";
    public static final String ENV_MAX_RETRIES = "ASSIST_LLM_MAX_RETRIES";
    public static final String ENV_TEMPERATURE = "ASSIST_LLM_TEMPERATURE";
    public static final String ENV_CIRCUIT_FAILURES = "ASSIST_LLM_CIRCUIT_FAILURES";
    public static final String ENV_CIRCUIT_OPEN_MS = "ASSIST_LLM_CIRCUIT_OPEN_MS";

    public LlmConfig {
        Objects.requireNonNull(provider, ENV_PROVIDER);
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
        apiKey = blankToNull(apiKey);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        openDuration = openDuration == null ? DEFAULT_OPEN_DURATION : openDuration;

        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(ENV_TIMEOUT_MS + " must be between 1 and 600000 ms; got "
                    + timeout.toMillis());
        }
        if (maxRetries < 0 || maxRetries > 5) {
            throw new IllegalArgumentException(ENV_MAX_RETRIES + " must be between 0 and 5; got " + maxRetries);
        }
        if (!(temperature >= 0.0 && temperature <= 2.0)) {
            throw new IllegalArgumentException(ENV_TEMPERATURE + " must be between 0 and 2; got " + temperature);
        }
        if (failuresToOpen < 1) {
            throw new IllegalArgumentException(ENV_CIRCUIT_FAILURES + " must be at least 1; got " + failuresToOpen);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException(ENV_CIRCUIT_OPEN_MS + " must be positive; got "
                    + openDuration.toMillis());
        }
        if (baseUrl != null) {
            requireHttpUrl(baseUrl);
        }
        if (provider != LlmProvider.NONE) {
            requireProviderSettings(provider, baseUrl, model, apiKey);
        }
    }

    /** No LLM: generation is off and every call fails fast with {@code NOT_CONFIGURED}. */
    public static LlmConfig none() {
        return new LlmConfig(LlmProvider.NONE, null, null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_TEMPERATURE, DEFAULT_FAILURES_TO_OPEN, DEFAULT_OPEN_DURATION);
    }

    /** A provider with every tuning value at its default. */
    public static LlmConfig of(LlmProvider provider, String baseUrl, String model, String apiKey) {
        return new LlmConfig(provider, baseUrl, model, apiKey, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_TEMPERATURE, DEFAULT_FAILURES_TO_OPEN, DEFAULT_OPEN_DURATION);
    }

    /**
     * Reads the {@code ASSIST_LLM_*} variables: {@code PROVIDER} (none | openai | ollama | anthropic,
     * default none), {@code BASE_URL}, {@code MODEL}, {@code API_KEY}, {@code TIMEOUT_MS} (default
     * 20000) and, rarely needed, {@code MAX_RETRIES} (1), {@code TEMPERATURE} (0.2),
     * {@code CIRCUIT_FAILURES} (5) and {@code CIRCUIT_OPEN_MS} (30000).
     *
     * @throws IllegalArgumentException naming the variable when a value is missing or wrong
     */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        LlmProvider provider = LlmProvider.parse(env.get(ENV_PROVIDER));
        return new LlmConfig(provider,
                env.get(ENV_BASE_URL),
                env.get(ENV_MODEL),
                env.get(ENV_API_KEY),
                Duration.ofMillis(parseLong(env, ENV_TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis())),
                parseInt(env, ENV_MAX_RETRIES, DEFAULT_MAX_RETRIES),
                parseDouble(env, ENV_TEMPERATURE, DEFAULT_TEMPERATURE),
                parseInt(env, ENV_CIRCUIT_FAILURES, DEFAULT_FAILURES_TO_OPEN),
                Duration.ofMillis(parseLong(env, ENV_CIRCUIT_OPEN_MS, DEFAULT_OPEN_DURATION.toMillis())));
    }

    /** True unless the provider is {@link LlmProvider#NONE}. */
    public boolean enabled() {
        return provider != LlmProvider.NONE;
    }

    /** The same configuration with another overall call budget. */
    public LlmConfig withTimeout(Duration newTimeout) {
        return new LlmConfig(provider, baseUrl, model, apiKey, newTimeout, maxRetries, temperature,
                failuresToOpen, openDuration);
    }

    /** The same configuration with another number of retries for non-streaming calls. */
    public LlmConfig withMaxRetries(int newMaxRetries) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, newMaxRetries, temperature,
                failuresToOpen, openDuration);
    }

    /** The same configuration with other circuit-breaker settings. */
    public LlmConfig withCircuitBreaker(int newFailuresToOpen, Duration newOpenDuration) {
        return new LlmConfig(provider, baseUrl, model, apiKey, timeout, maxRetries, temperature,
                newFailuresToOpen, newOpenDuration);
    }

    /** Like the record's own, but the API key is redacted so that configs can be logged. */
    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider.configName() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", temperature=" + temperature
                + ", failuresToOpen=" + failuresToOpen + ", openDuration=" + openDuration + "]";
    }

    private static void requireProviderSettings(LlmProvider provider, String baseUrl, String model, String apiKey) {
        String when = " when " + ENV_PROVIDER + "=" + provider.configName();
        if (model == null) {
            throw new IllegalArgumentException(ENV_MODEL + " is required" + when
                    + " (the model name as the provider knows it, e.g. " + exampleModel(provider) + ")");
        }
        if (provider == LlmProvider.ANTHROPIC && apiKey == null) {
            throw new IllegalArgumentException(ENV_API_KEY + " is required" + when);
        }
        if (provider == LlmProvider.OPENAI && baseUrl == null && apiKey == null) {
            throw new IllegalArgumentException(ENV_API_KEY + " is required" + when
                    + " and " + ENV_BASE_URL + " is not set (OpenAI's own endpoint needs a key;"
                    + " set " + ENV_BASE_URL + " for a local OpenAI-compatible server)");
        }
    }

    private static String exampleModel(LlmProvider provider) {
        return switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1:8b";
            case ANTHROPIC -> "claude-3-5-haiku-latest";
            case NONE -> "none";
        };
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_BASE_URL + " is not a valid URL: '" + url + "'", e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(ENV_BASE_URL + " must be an http(s) URL with a host,"
                    + " e.g. http://localhost:11434; got '" + url + "'");
        }
    }

    private static long parseLong(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number; got '" + value.strip() + "'", e);
        }
    }

    private static int parseInt(Map<String, String> env, String name, int fallback) {
        long value = parseLong(env, name, fallback);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static double parseDouble(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number; got '" + value.strip() + "'", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
