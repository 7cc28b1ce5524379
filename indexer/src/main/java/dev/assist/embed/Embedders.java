package dev.assist.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.assist.chunk.TokenCounter;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** Builds the {@link Embedder} an {@link EmbedderConfig} names. */
public final class Embedders {
    static final String DEFAULT_NAME = "bge-small-en-v1.5-q";
    static final String DEFAULT_MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    static final String DEFAULT_TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    /** The BERT tokenizer bundled with LangChain4j, used to size chunks for remote models. */
    private static final String APPROXIMATE_TOKENIZER_RESOURCE = "/bert-tokenizer.json";
    private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private Embedders() {
    }

    public static Embedder create(EmbedderConfig config) {
        return switch (config.kind()) {
            case DEFAULT -> onnx(DEFAULT_NAME, resource(DEFAULT_MODEL_RESOURCE),
                    tokenizer(resourceStream(DEFAULT_TOKENIZER_RESOURCE)), Pooling.CLS, config,
                    config.queryPrefix() == null ? BGE_QUERY_PREFIX : config.queryPrefix());
            case ONNX -> onnx(stem(config.modelPath()), file(config.modelPath()),
                    tokenizer(config.tokenizerPath()), config.pooling(), config,
                    config.queryPrefix() == null ? "" : config.queryPrefix());
            case OPENAI -> remote("openai:" + config.modelName(), OpenAiEmbeddingModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey() == null ? "none" : config.apiKey())
                    .modelName(config.modelName())
                    .timeout(Duration.ofSeconds(60))
                    .maxRetries(1)
                    .build(), config);
            case OLLAMA -> remote("ollama:" + config.modelName(), OllamaEmbeddingModel.builder()
                    .baseUrl(config.baseUrl())
                    .modelName(config.modelName())
                    .timeout(Duration.ofSeconds(60))
                    .maxRetries(1)
                    .build(), config);
        };
    }

    private static Embedder onnx(String name, byte[] modelBytes, HuggingFaceTokenizer tokenizer, Pooling pooling,
                                 EmbedderConfig config, String queryPrefix) {
        OnnxBatchEmbeddingModel model = new OnnxBatchEmbeddingModel(modelBytes, tokenizer, pooling,
                config.batchSize(), config.maxTokens(), config.threads());
        // The id names the weights, not the path: the same files give the same id wherever they live.
        String id = name + "@" + sha256(modelBytes).substring(0, 12) + "/" + pooling.id();
        return new Embedder(id, model.dimension(), config.maxTokens(), model, counter(tokenizer), queryPrefix);
    }

    /**
     * The same ONNX embedder with another pooling, sharing its session (for classifiers that read
     * more than the retrieval vector); its id differs only in the pooling suffix.
     *
     * @throws IllegalArgumentException for a remote embedding model, whose pooling is not ours to choose
     */
    public static Embedder withPooling(Embedder embedder, Pooling pooling) {
        if (!(embedder.model() instanceof OnnxBatchEmbeddingModel onnx)) {
            throw new IllegalArgumentException("pooling " + pooling.id() + " needs an in-process ONNX embedding model, not "
                    + embedder.modelId());
        }
        if (onnx.pooling() == pooling) {
            return embedder;
        }
        OnnxBatchEmbeddingModel view = onnx.withPooling(pooling);
        return new Embedder(pooledId(embedder.modelId(), pooling), view.dimension(), embedder.maxTokens(), view,
                embedder.tokens(), embedder.queryPrefix());
    }

    /** {@code name@hash/cls} with another pooling: {@code name@hash/cls+mean}. */
    public static String pooledId(String modelId, Pooling pooling) {
        int slash = modelId.lastIndexOf('/');
        return (slash < 0 ? modelId : modelId.substring(0, slash)) + "/" + pooling.id();
    }

    private static Embedder remote(String id, EmbeddingModel model, EmbedderConfig config) {
        int dimension = model.embed("dimension probe").content().dimension();
        HuggingFaceTokenizer approximate = tokenizer(resourceStream(APPROXIMATE_TOKENIZER_RESOURCE));
        return new Embedder(id, dimension, config.maxTokens(), model, counter(approximate),
                config.queryPrefix() == null ? "" : config.queryPrefix());
    }

    private static TokenCounter counter(HuggingFaceTokenizer tokenizer) {
        return text -> tokenizer.encode(text, false, false).getIds().length;
    }

    private static HuggingFaceTokenizer tokenizer(InputStream stream) {
        try (stream) {
            return HuggingFaceTokenizer.newInstance(stream, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer: " + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("tokenizer file not found: " + path);
        }
        try {
            return tokenizer(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("ONNX model file not found: " + path);
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + path + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of a resource of the bundled model jar. */
    public static byte[] resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled model resource missing from the class path: " + name);
        }
        return in;
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
