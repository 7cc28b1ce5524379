package dev.assist.cli;

import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Pooling;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Command-line options that choose the embedding model; shared by every command that embeds. */
public final class EmbeddingOptions {
    @Option(names = "--model", defaultValue = "${env:ASSIST_EMBEDDING_KIND:-default}",
            description = "Embedding model: default (bundled bge-small-en-v1.5-q), onnx, openai or ollama (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--model-path", description = "The .onnx file of a sentence-embedding model (--model onnx).")
    Path modelPath;

    @Option(names = "--tokenizer-path", description = "Its tokenizer.json (--model onnx).")
    Path tokenizerPath;

    @Option(names = "--pooling", defaultValue = "cls", description = "cls or mean (--model onnx; default: ${DEFAULT-VALUE}).")
    String pooling;

    @Option(names = "--embedding-base-url", defaultValue = "${env:ASSIST_EMBEDDING_BASE_URL}",
            description = "Base URL of an OpenAI-compatible or Ollama embedding endpoint.")
    String baseUrl;

    @Option(names = "--embedding-model", defaultValue = "${env:ASSIST_EMBEDDING_MODEL}",
            description = "Remote embedding model name.")
    String modelName;

    @Option(names = "--batch-size", defaultValue = "32", description = "Texts per ONNX call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX calls run side by side (default: cores).")
    int threads;

    @Option(names = "--query-prefix", description = "Instruction in front of search queries (default: the model's own).")
    String queryPrefix;

    public EmbedderConfig toConfig() {
        String apiKey = System.getenv("ASSIST_EMBEDDING_API_KEY");
        return new EmbedderConfig(EmbedderConfig.Kind.parse(kind), modelPath, tokenizerPath, Pooling.parse(pooling),
                baseUrl, modelName, apiKey, batchSize, threads, 0, queryPrefix);
    }
}
