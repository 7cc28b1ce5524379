package dev.assist.embed;

import dev.assist.chunk.TokenCounter;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embedding model as Assist uses it: a LangChain4j {@link EmbeddingModel} plus the id that
 * the index records, its tokenizer (for chunk budgets) and the instruction some models want in
 * front of a search query (bge: "Represent this sentence for searching relevant passages: ").
 */
public record Embedder(String modelId, int dimension, int maxTokens, EmbeddingModel model,
                       TokenCounter tokens, String queryPrefix) {

    public Embedder {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokens, "tokens");
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
    }

    /** Document vectors in input order; remote models are called in slices they accept. */
    public List<float[]> embedDocuments(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        if (model instanceof OnnxBatchEmbeddingModel onnx) {
            return onnx.embedTexts(texts);
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += 64) {
            List<TextSegment> slice = texts.subList(start, Math.min(texts.size(), start + 64)).stream()
                    .map(TextSegment::from).toList();
            for (Embedding embedding : model.embedAll(slice).content()) {
                vectors.add(OnnxBatchEmbeddingModel.normalize(embedding.vector()));
            }
        }
        return vectors;
    }

    /** A query vector, with the model's query instruction in front. */
    public float[] embedQuery(String query) {
        return embedDocuments(List.of(queryPrefix + query)).get(0);
    }
}
