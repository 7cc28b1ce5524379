package dev.assist.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A BERT-style ONNX sentence-embedding model run in process with real batching, as a LangChain4j
 * {@link EmbeddingModel}.
 *
 * <p>LangChain4j's own ONNX models run one text per ONNX call. Here texts are sorted by token
 * length and padded in batches of similar length (little padding wasted), and batches run in
 * parallel on a bounded pool, one batch per core. Vectors are L2-normalised, so dot product is
 * cosine similarity. Texts longer than {@code maxTokens} are truncated: the chunker keeps chunks
 * well under that.
 */
public final class OnnxBatchEmbeddingModel implements EmbeddingModel, AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final int batchSize;
    private final int maxTokens;
    private final boolean needsTokenTypes;
    private final ExecutorService pool;
    private final int dimension;
    private final boolean ownsSession;

    public OnnxBatchEmbeddingModel(byte[] onnxModel, HuggingFaceTokenizer tokenizer, Pooling pooling,
                                   int batchSize, int maxTokens, int threads) {
        if (batchSize < 1 || maxTokens < 8 || threads < 1) {
            throw new IllegalArgumentException("batchSize, maxTokens and threads must be positive");
        }
        try {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // Parallelism comes from running batches side by side; one ONNX thread per batch avoids oversubscription.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(onnxModel, options);
            this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the ONNX model: " + e.getMessage(), e);
        }
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.batchSize = batchSize;
        this.maxTokens = maxTokens;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "onnx-embed");
            thread.setDaemon(true);
            return thread;
        });
        this.ownsSession = true;
        this.dimension = embedBatch(List.of(new long[][] {encode("dimension probe")})).get(0).length;
    }

    private OnnxBatchEmbeddingModel(OnnxBatchEmbeddingModel shared, Pooling pooling) {
        this.environment = shared.environment;
        this.session = shared.session;
        this.needsTokenTypes = shared.needsTokenTypes;
        this.tokenizer = shared.tokenizer;
        this.pooling = pooling;
        this.batchSize = shared.batchSize;
        this.maxTokens = shared.maxTokens;
        this.pool = shared.pool;
        this.ownsSession = false;
        int hidden = shared.pooling == Pooling.CLS_MEAN ? shared.dimension / 2 : shared.dimension;
        this.dimension = pooling == Pooling.CLS_MEAN ? 2 * hidden : hidden;
    }

    /**
     * The same model, session and threads with another pooling: no second copy of the weights. The
     * view's {@link #close()} leaves the session to this model.
     */
    public OnnxBatchEmbeddingModel withPooling(Pooling other) {
        return other == pooling ? this : new OnnxBatchEmbeddingModel(this, other);
    }

    public Pooling pooling() {
        return pooling;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> texts = segments.stream().map(TextSegment::text).toList();
        List<float[]> vectors = embedTexts(texts);
        List<Embedding> embeddings = vectors.stream().map(Embedding::from).toList();
        return Response.from(embeddings, new TokenUsage(lastTokenCount(texts)));
    }

    private int lastTokenCount(List<String> texts) {
        int total = 0;
        for (String text : texts) {
            total += Math.min(maxTokens, tokenizer.encode(text, true, false).getIds().length);
        }
        return total;
    }

    /**
     * Embeds texts in padded batches of similar token length, in parallel; the result keeps the
     * input order. Tokenizing runs on every core too (a parallel stream), then texts are sorted by
     * token count so each batch pads little.
     */
    public List<float[]> embedTexts(List<String> texts) {
        int n = texts.size();
        long[][] ids = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> ids[i] = encode(texts.get(i)));
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));

        List<Future<List<float[]>>> futures = new ArrayList<>();
        List<int[]> batchIndexes = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            int[] indexes = new int[end - start];
            List<long[]> batch = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) {
                indexes[k - start] = order[k];
                batch.add(ids[order[k]]);
            }
            batchIndexes.add(indexes);
            futures.add(pool.submit(() -> embedBatch(batch)));
        }
        float[][] result = new float[n][];
        for (int b = 0; b < futures.size(); b++) {
            List<float[]> vectors = await(futures.get(b));
            int[] indexes = batchIndexes.get(b);
            for (int k = 0; k < indexes.length; k++) {
                result[indexes[k]] = vectors.get(k);
            }
        }
        return Arrays.asList(result);
    }

    private static List<float[]> await(Future<List<float[]>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private long[] encode(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        if (ids.length <= maxTokens) {
            return ids;
        }
        long[] truncated = Arrays.copyOf(ids, maxTokens);
        truncated[maxTokens - 1] = ids[ids.length - 1]; // keep the closing [SEP]
        return truncated;
    }

    private List<float[]> embedBatch(List<long[]> batch) {
        int rows = batch.size();
        int width = batch.stream().mapToInt(ids -> ids.length).max().orElse(1);
        long[] inputIds = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] ids = batch.get(r);
            System.arraycopy(ids, 0, inputIds, r * width, ids.length);
            Arrays.fill(mask, r * width, r * width + ids.length, 1L);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (needsTokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result output = session.run(inputs)) {
                float[][][] hidden = (float[][][]) output.get(0).getValue();
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    vectors.add(normalize(pool(hidden[r], batch.get(r).length)));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed: " + e.getMessage(), e);
        }
    }

    private float[] pool(float[][] tokens, int length) {
        return switch (pooling) {
            case CLS -> tokens[0].clone();
            case MEAN -> mean(tokens, length);
            case CLS_MEAN -> concat(normalize(tokens[0].clone()), normalize(mean(tokens, length)));
        };
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static float[] mean(float[][] tokens, int length) {
        float[] mean = new float[tokens[0].length];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= length;
        }
        return mean;
    }

    /** Scales {@code vector} to unit length in place (a zero vector stays zero) and returns it. */
    public static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0f) {
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public void close() {
        if (!ownsSession) {
            return;
        }
        pool.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
