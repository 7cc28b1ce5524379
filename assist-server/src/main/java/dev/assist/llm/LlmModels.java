package dev.assist.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the LangChain4j chat models for a configured provider.
 *
 * <p>LangChain4j's own retries are switched off ({@code maxRetries(0)}): {@link ResilientChat}
 * retries within its overall time budget, and retries in two layers would multiply the wait.
 * The models' HTTP timeout is the same budget, so an abandoned request also ends on its own.
 *
 * <p>Base URLs include the API version where the provider has one in its path:
 * {@code https://api.openai.com/v1}, {@code https://api.anthropic.com/v1/}; Ollama's is the
 * server root ({@code http://localhost:11434}).
 */
public final class LlmModels {

    /** Where Ollama listens unless {@code ASSIST_LLM_BASE_URL} says otherwise. */
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";

    private LlmModels() {
    }

    /** A blocking chat model for {@code config}'s provider. */
    public static ChatModel chatModel(LlmConfig config) {
        return switch (config.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(ollamaUrl(config))
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            case NONE -> throw notConfigured();
        };
    }

    /** A streaming chat model for {@code config}'s provider. */
    public static StreamingChatModel streamingChatModel(LlmConfig config) {
        return switch (config.provider()) {
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(ollamaUrl(config))
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .build();
            case NONE -> throw notConfigured();
        };
    }

    private static String ollamaUrl(LlmConfig config) {
        return config.baseUrl() == null ? DEFAULT_OLLAMA_URL : config.baseUrl();
    }

    private static IllegalArgumentException notConfigured() {
        return new IllegalArgumentException("No chat model for " + LlmConfig.ENV_PROVIDER + "=none");
    }
}
