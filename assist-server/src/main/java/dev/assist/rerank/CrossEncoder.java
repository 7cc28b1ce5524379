package dev.assist.rerank;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An ONNX cross-encoder (the MS MARCO MiniLM and bge-reranker families): reads a question and a
 * passage together and returns one relevance logit per pair. Far slower than comparing vectors,
 * which is why only the first candidates are given to it.
 *
 * <p>Pairs are encoded with the model's own tokenizer.json (question first, then the passage;
 * the longer side is truncated to {@value #MAX_TOKENS} tokens in all) and padded per batch. One
 * session is shared by every request: ONNX Runtime runs it concurrently. Batches run on a
 * bounded pool of platform threads, one ONNX thread each, so a request's native work never pins
 * the carrier of a virtual thread and the model never takes more than {@code threads} cores.
 */
public final class CrossEncoder implements AutoCloseable {
    /** The position limit of BERT- and XLM-R-sized rerankers. */
    public static final int MAX_TOKENS = 512;
    public static final int DEFAULT_BATCH_SIZE = 8;

    private static final String IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String TYPES = "token_type_ids";
    private static final Set<String> INPUTS = Set.of(IDS, MASK, TYPES);

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String output;
    private final boolean needsTokenTypes;
    private final int batchSize;
    private final int threads;
    private final ExecutorService pool;

    private CrossEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, String output,
                         int batchSize, int threads) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.output = output;
        this.needsTokenTypes = session.getInputNames().contains(TYPES);
        this.batchSize = batchSize;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cross-encoder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads with the default batch size, on every core. */
    public static CrossEncoder load(Path model, Path tokenizer) {
        return load(model, tokenizer, DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the model and its tokenizer and scores one probe pair, so that a model and tokenizer
     * that do not fit together fail here rather than on the first question.
     *
     * @throws CrossEncoderException naming the file and what is wrong with it
     */
    public static CrossEncoder load(Path model, Path tokenizer, int batchSize, int threads) {
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batchSize and threads must be at least 1");
        }
        requireFile(model, "rerank.cross_encoder_model", "the cross-encoder's ONNX file");
        requireFile(tokenizer, "rerank.cross_encoder_tokenizer", "the cross-encoder's tokenizer.json");
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = session(environment, model);
        String output;
        HuggingFaceTokenizer words;
        try {
            output = checkSignature(session, model);
            words = tokenizer(tokenizer);
        } catch (CrossEncoderException e) {
            closeAfter(session, e);
            throw e;
        }
        CrossEncoder encoder = new CrossEncoder(environment, session, words, output, batchSize, threads);
        try {
            encoder.score("probe question", List.of("probe passage"));
            return encoder;
        } catch (RuntimeException e) {
            encoder.close();
            throw new CrossEncoderException("rerank.cross_encoder_model " + model.toAbsolutePath() + " and rerank.cross_encoder_tokenizer "
                    + tokenizer.toAbsolutePath() + " do not work together (" + e.getMessage()
                    + "); use the tokenizer.json that comes with the model", e);
        }
    }

    /**
     * The relevance of each passage to the question, in passage order; higher is more relevant.
     * Scores are the model's logits: comparable within one model, not probabilities.
     */
    public float[] score(String question, List<String> passages) {
        int n = passages.size();
        if (n == 0) {
            return new float[0];
        }
        // Similar lengths side by side pad little; as many batches as threads, so one request uses every core.
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> passages.get(i).length()));
        int size = Math.min(batchSize, (n + threads - 1) / threads);
        List<Future<float[]>> futures = new ArrayList<>();
        for (int start = 0; start < n; start += size) {
            List<String> batch = new ArrayList<>();
            for (int k = start; k < Math.min(n, start + size); k++) {
                batch.add(passages.get(order[k]));
            }
            futures.add(pool.submit(() -> scoreBatch(question, batch)));
        }
        float[] scores = new float[n];
        int k = 0;
        for (Future<float[]> future : futures) {
            for (float score : await(future)) {
                scores[order[k++]] = score;
            }
        }
        return scores;
    }

    private float[] scoreBatch(String question, List<String> passages) {
        PairList<String, String> pairs = new PairList<>(passages.size());
        for (String passage : passages) {
            pairs.add(question, passage);
        }
        Encoding[] encodings = tokenizer.batchEncode(pairs);
        int rows = encodings.length;
        int width = encodings[0].getIds().length;
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            Encoding encoding = encodings[r];
            if (encoding.getIds().length != width) {
                throw new IllegalStateException("the tokenizer did not pad the batch to one length");
            }
            System.arraycopy(encoding.getIds(), 0, ids, r * width, width);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, r * width, width);
            System.arraycopy(encoding.getTypeIds(), 0, types, r * width, width);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(IDS, idsTensor);
            inputs.put(MASK, maskTensor);
            if (needsTokenTypes) {
                inputs.put(TYPES, typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                return relevance((OnnxTensor) result.get(0), rows);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cross-encoder inference failed: " + e.getMessage(), e);
        }
    }

    /** The last column of [rows, classes] logits (a 2-class head's "relevant"), or [rows] as is. */
    private static float[] relevance(OnnxTensor logits, int rows) {
        long[] shape = logits.getInfo().getShape();
        long columns = shape.length == 1 ? 1 : shape[1];
        if (shape[0] != rows || shape.length > 2) {
            throw new IllegalStateException("the cross-encoder returned logits of shape " + Arrays.toString(shape)
                    + " for " + rows + " pairs");
        }
        FloatBuffer values = logits.getFloatBuffer();
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
            scores[r] = values.get((int) (r * columns + columns - 1));
        }
        return scores;
    }

    private static float[] await(Future<float[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-ranking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-ranking failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void requireFile(Path path, String key, String what) {
        if (!Files.isRegularFile(path)) {
            throw new CrossEncoderException(key + ": no file at " + path.toAbsolutePath() + "; set it to " + what);
        }
    }

    private static HuggingFaceTokenizer tokenizer(Path path) {
        try {
            // Longest-first truncation keeps both sides when a long question meets a long passage.
            return HuggingFaceTokenizer.newInstance(path, Map.of(
                    "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "true"));
        } catch (IOException | RuntimeException e) {
            throw new CrossEncoderException("rerank.cross_encoder_tokenizer: " + path.toAbsolutePath()
                    + " is not a Hugging Face tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    private static OrtSession session(OrtEnvironment environment, Path model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Parallelism comes from running batches side by side; one ONNX thread per batch avoids oversubscription.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new CrossEncoderException("rerank.cross_encoder_model: " + model.toAbsolutePath()
                    + " is not an ONNX model ONNX Runtime can load (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks the inputs and output are a cross-encoder's and returns the output to read: int64
     * [batch, seq] {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}
     * in; float logits [batch], [batch, 1] or [batch, 2] out.
     */
    private static String checkSignature(OrtSession session, Path model) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            for (NodeInfo input : inputs.values()) {
                if (!INPUTS.contains(input.getName()) || !isTokenTensor(input)) {
                    throw notCrossEncoder(model, "its input " + describe(input)
                            + " is not one of int64 [batch, seq] input_ids, attention_mask, token_type_ids");
                }
            }
            if (!inputs.containsKey(IDS) || !inputs.containsKey(MASK)) {
                throw notCrossEncoder(model, "it has inputs " + inputs.keySet() + " but needs input_ids and attention_mask");
            }
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            NodeInfo logits = outputs.containsKey("logits") ? outputs.get("logits") : outputs.values().iterator().next();
            checkLogits(logits, model);
            return logits.getName();
        } catch (OrtException e) {
            throw new CrossEncoderException("rerank.cross_encoder_model: cannot read the inputs and outputs of " + model.toAbsolutePath()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static void checkLogits(NodeInfo logits, Path model) {
        if (!(logits.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw notCrossEncoder(model, "its output " + describe(logits) + " is not float logits");
        }
        long[] shape = tensor.getShape();
        boolean sentenceVectors = shape.length == 3 || (shape.length == 2 && shape[1] > 2);
        if (sentenceVectors) {
            throw notCrossEncoder(model, "its output is " + describe(logits)
                    + ": this looks like a sentence-embedding model, not a cross-encoder");
        }
        if (shape.length < 1 || shape.length > 2 || (shape.length == 2 && shape[1] < 1)) {
            throw notCrossEncoder(model, "its output " + describe(logits) + " is not logits of shape [batch], [batch, 1] or [batch, 2]");
        }
    }

    private static boolean isTokenTensor(NodeInfo input) {
        return input.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.INT64 && tensor.getShape().length == 2;
    }

    private static CrossEncoderException notCrossEncoder(Path model, String reason) {
        return new CrossEncoderException("rerank.cross_encoder_model: " + model.toAbsolutePath() + " is not a cross-encoder: " + reason
                + " (a cross-encoder takes input_ids and attention_mask and returns one relevance logit per pair, [batch, 1])");
    }

    /** {@code last_hidden_state float [batch_size, sequence_length, 384]}. */
    private static String describe(NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo tensor)) {
            return node.getName() + " (" + node.getInfo() + ")";
        }
        long[] shape = tensor.getShape();
        String[] names = tensor.getDimensionNames();
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            boolean symbolic = shape[i] < 0;
            dims.add(symbolic ? (names[i] == null || names[i].isEmpty() ? "?" : names[i]) : String.valueOf(shape[i]));
        }
        return node.getName() + " " + tensor.type.name().toLowerCase() + " [" + String.join(", ", dims) + "]";
    }

    private static void closeAfter(OrtSession session, RuntimeException failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the cross-encoder session: " + e.getMessage(), e);
        }
    }
}
