package dev.assist.embed;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which embedding model to use and how to run it.
 *
 * @param kind the default bundled model, any ONNX model by path, or a remote endpoint
 * @param modelPath the {@code .onnx} file ({@code ONNX} only)
 * @param tokenizerPath its {@code tokenizer.json} ({@code ONNX} only)
 * @param baseUrl endpoint of an OpenAI-compatible or Ollama server (remote kinds only)
 * @param modelName remote model name (remote kinds only)
 * @param batchSize texts per ONNX call; similar lengths are batched together
 * @param threads ONNX calls run side by side (defaults to the number of cores)
 * @param queryPrefix instruction put in front of search queries, or {@code null} for the model's default
 */
public record EmbedderConfig(Kind kind, Path modelPath, Path tokenizerPath, Pooling pooling,
                             String baseUrl, String modelName, String apiKey,
                             int batchSize, int threads, int maxTokens, String queryPrefix) {

    /** Where the model comes from. */
    public enum Kind {
        DEFAULT, ONNX, OPENAI, OLLAMA;

        public static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown embedding model kind '" + value + "' (expected default, onnx, openai or ollama)");
            }
        }
    }

    public EmbedderConfig {
        if (kind == null) {
            throw new IllegalArgumentException("embedding model kind is required");
        }
        if (kind == Kind.ONNX && (modelPath == null || tokenizerPath == null)) {
            throw new IllegalArgumentException("an ONNX model needs both --model-path and --tokenizer-path");
        }
        if ((kind == Kind.OPENAI || kind == Kind.OLLAMA) && (baseUrl == null || modelName == null)) {
            throw new IllegalArgumentException("a remote embedding model needs a base URL and a model name");
        }
        pooling = pooling == null ? Pooling.CLS : pooling;
        batchSize = batchSize <= 0 ? 32 : batchSize;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        maxTokens = maxTokens <= 0 ? 512 : maxTokens;
    }

    /** The bundled quantized bge-small-en-v1.5: no network, no download. */
    public static EmbedderConfig defaults() {
        return new EmbedderConfig(Kind.DEFAULT, null, null, Pooling.CLS, null, null, null, 0, 0, 0, null);
    }

    public static EmbedderConfig onnx(Path model, Path tokenizer, Pooling pooling) {
        return new EmbedderConfig(Kind.ONNX, model, tokenizer, pooling, null, null, null, 0, 0, 0, null);
    }

    public EmbedderConfig withBatching(int newBatchSize, int newThreads) {
        return new EmbedderConfig(kind, modelPath, tokenizerPath, pooling, baseUrl, modelName, apiKey,
                newBatchSize, newThreads, maxTokens, queryPrefix);
    }
}
