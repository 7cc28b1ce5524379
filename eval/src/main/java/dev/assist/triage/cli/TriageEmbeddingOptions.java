package dev.assist.triage.cli;

import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Pooling;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The embedding model of the triage commands: the bundled default, or any ONNX sentence-embedding
 * model by path (for example a multilingual one). Named apart from the index command's {@code --model},
 * which here means the triage model file.
 */
final class TriageEmbeddingOptions {
    @Option(names = "--embeddings", defaultValue = "default",
            description = "default (bge-small-en-v1.5-q, [CLS] pooling), cls+mean (its [CLS] and mean pooling side by side,"
                    + " one forward pass) or bge+minilm (both models, vectors concatenated; default: ${DEFAULT-VALUE}).")
    String embeddings;

    @Option(names = "--onnx-model", description = "An ONNX sentence-embedding model (default: the bundled bge-small-en-v1.5-q).")
    Path modelPath;

    @Option(names = "--onnx-tokenizer", description = "Its tokenizer.json (with --onnx-model).")
    Path tokenizerPath;

    @Option(names = "--onnx-pooling", defaultValue = "mean", description = "cls, mean or cls+mean (with --onnx-model; default: ${DEFAULT-VALUE}).")
    String pooling;

    /** The embedder these options name. */
    dev.assist.embed.Embedder create() {
        if (modelPath != null) {
            return dev.assist.embed.Embedders.create(toConfig());
        }
        return dev.assist.triage.TriageEmbedders.create(embeddings, EmbedderConfig.defaults());
    }

    EmbedderConfig toConfig() {
        if (modelPath == null) {
            return EmbedderConfig.defaults();
        }
        return EmbedderConfig.onnx(modelPath, tokenizerPath, Pooling.parse(pooling));
    }
}
