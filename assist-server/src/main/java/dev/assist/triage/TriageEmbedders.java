package dev.assist.triage;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;
import dev.assist.embed.OnnxBatchEmbeddingModel;
import dev.assist.embed.Pooling;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Embedders for the triage classifiers: the index's default model, its [CLS] and mean poolings side
 * by side ({@code cls+mean}), or the default model and all-MiniLM-L6-v2 side by side
 * ({@code bge+minilm}), whose vectors are concatenated. Two models
 * trained differently make errors that differ, so a classifier over both views beats either alone
 * (see docs/BENCHMARKS.md); the price is a second, smaller model run per message.
 */
public final class TriageEmbedders {
    private TriageEmbedders() {
    }

    /**
     * {@code default} (the retrieval vector), {@code cls+mean} (the default model's [CLS] and mean
     * pooling from one forward pass; the server serves it at no extra cost) or {@code bge+minilm}.
     */
    public static Embedder create(String spec, EmbedderConfig base) {
        return switch (spec.trim().toLowerCase(Locale.ROOT)) {
            case "default", "bge" -> Embedders.create(base);
            case "cls+mean" -> Embedders.withPooling(Embedders.create(base), Pooling.CLS_MEAN);
            case "bge+minilm" -> concat(Embedders.create(base), minilm(base));
            default -> throw new IllegalArgumentException("unknown triage embeddings '" + spec
                    + "' (expected default, cls+mean or bge+minilm)");
        };
    }

    /** The quantized all-MiniLM-L6-v2 bundled by LangChain4j, run with real batching, mean pooling. */
    public static Embedder minilm(EmbedderConfig base) {
        byte[] model = resource("/all-minilm-l6-v2-q.onnx");
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = stream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OnnxBatchEmbeddingModel onnx = new OnnxBatchEmbeddingModel(model, tokenizer, Pooling.MEAN, base.batchSize(), 256,
                base.threads());
        return new Embedder("all-minilm-l6-v2-q/mean", onnx.dimension(), 256, onnx,
                text -> tokenizer.encode(text, false, false).getIds().length, "");
    }

    /** One embedder whose vectors are {@code a}'s and {@code b}'s unit vectors, concatenated (then normalised). */
    public static Embedder concat(Embedder a, Embedder b) {
        return new Embedder(a.modelId() + "+" + b.modelId(), a.dimension() + b.dimension(),
                Math.min(a.maxTokens(), b.maxTokens()), new Concatenated(a, b), a.tokens(), "");
    }

    /**
     * Embeds many texts: like {@link Embedder#embedDocuments}, but a concatenated embedder hands the
     * whole list to each of its models, so each sorts and batches all texts by length.
     */
    public static List<float[]> embedAll(Embedder embedder, List<String> texts) {
        if (embedder.model() instanceof Concatenated both) {
            return both.embedTexts(texts);
        }
        return embedder.embedDocuments(texts);
    }

    /** Two embedding models side by side. */
    private static final class Concatenated implements EmbeddingModel {
        private final Embedder a;
        private final Embedder b;

        Concatenated(Embedder a, Embedder b) {
            this.a = a;
            this.b = b;
        }

        List<float[]> embedTexts(List<String> texts) {
            List<float[]> first = a.embedDocuments(texts);
            List<float[]> second = b.embedDocuments(texts);
            List<float[]> out = new ArrayList<>(texts.size());
            float scale = (float) Math.sqrt(0.5); // both halves are unit vectors: the joined one is too
            for (int i = 0; i < texts.size(); i++) {
                float[] joined = new float[a.dimension() + b.dimension()];
                float[] x = first.get(i);
                float[] y = second.get(i);
                for (int k = 0; k < x.length; k++) {
                    joined[k] = x[k] * scale;
                }
                for (int k = 0; k < y.length; k++) {
                    joined[x.length + k] = y[k] * scale;
                }
                out.add(joined);
            }
            return out;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(embedTexts(segments.stream().map(TextSegment::text).toList()).stream()
                    .map(Embedding::from).toList());
        }

        @Override
        public int dimension() {
            return a.dimension() + b.dimension();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled model resource missing from the class path: " + name);
        }
        return in;
    }
}
