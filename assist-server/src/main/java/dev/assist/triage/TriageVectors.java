package dev.assist.triage;

import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.embed.OnnxBatchEmbeddingModel;
import dev.assist.embed.Pooling;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One forward pass per text for every triage model. With an in-process ONNX embedder the text is
 * pooled both ways ({@code cls+mean}: the [CLS] vector and the token mean, each unit length, side by
 * side), and each model reads the view it was trained on: the first half, the second, or both. So a
 * model trained on the retrieval vector and one trained on both views share one embedding. A remote
 * embedder's vector is used as it is.
 */
final class TriageVectors {
    private final Embedder embedder;
    private final String baseId;

    private TriageVectors(Embedder embedder, String baseId) {
        this.embedder = embedder;
        this.baseId = baseId;
    }

    static TriageVectors of(Embedder embedder) {
        if (embedder.model() instanceof OnnxBatchEmbeddingModel) {
            return new TriageVectors(Embedders.withPooling(embedder, Pooling.CLS_MEAN), embedder.modelId());
        }
        return new TriageVectors(embedder, embedder.modelId());
    }

    /** The embedding model ids a triage model may be trained with to be served from {@code embedder}. */
    static Set<String> acceptedModels(Embedder embedder) {
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(embedder.modelId());
        if (embedder.model() instanceof OnnxBatchEmbeddingModel) {
            for (Pooling pooling : Pooling.values()) {
                accepted.add(Embedders.pooledId(embedder.modelId(), pooling));
            }
        }
        return accepted;
    }

    /** The embedder whose vectors {@link #view} slices. */
    Embedder embedder() {
        return embedder;
    }

    /** The part of {@code vector} (from {@link #embedder()}) that a model trained with {@code modelId} reads. */
    float[] view(float[] vector, String modelId) {
        if (modelId.equals(embedder.modelId())) {
            return vector;
        }
        int half = vector.length / 2;
        if (modelId.equals(Embedders.pooledId(baseId, Pooling.CLS))) {
            return OnnxBatchEmbeddingModel.normalize(Arrays.copyOfRange(vector, 0, half));
        }
        if (modelId.equals(Embedders.pooledId(baseId, Pooling.MEAN))) {
            return OnnxBatchEmbeddingModel.normalize(Arrays.copyOfRange(vector, half, vector.length));
        }
        throw new IllegalArgumentException("a triage model trained with " + modelId + " cannot read vectors of "
                + embedder.modelId());
    }
}
