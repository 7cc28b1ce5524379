package dev.assist.rerank;

import static dev.assist.rerank.OnnxModelWriter.FLOAT;
import static dev.assist.rerank.OnnxModelWriter.INT64;
import static dev.assist.rerank.OnnxModelWriter.floatInitializer;
import static dev.assist.rerank.OnnxModelWriter.graph;
import static dev.assist.rerank.OnnxModelWriter.int64Initializer;
import static dev.assist.rerank.OnnxModelWriter.intAttribute;
import static dev.assist.rerank.OnnxModelWriter.node;
import static dev.assist.rerank.OnnxModelWriter.tensor;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.assist.embed.Embedders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A cross-encoder small enough to write by hand, with the bundled bge tokenizer: its relevance is
 * how often one word's token occurs in the passage (token type 1) of the pair, plus 0.001 per
 * attended token, so that wrong token types, a wrong attention mask or padding show in the score.
 */
public final class TinyCrossEncoder {
    /** The shapes a cross-encoder's logits come in. */
    public enum Head {
        /** [batch, 1], as MS MARCO MiniLM and bge-reranker. */
        LOGIT,
        /** [batch]. */
        VECTOR,
        /** [batch, 2]: not relevant, relevant. */
        TWO_CLASS
    }

    public static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    public static final double PER_TOKEN = 0.001;

    private TinyCrossEncoder() {
    }

    /** Writes a model that scores {@code word} with a [batch, 1] head and token types. */
    public static Path write(Path file, String word) {
        return write(file, word, Head.LOGIT, true);
    }

    /** @param tokenTypes whether the model takes token_type_ids (BERT) or not (XLM-R); without, every occurrence counts */
    public static Path write(Path file, String word, Head head, boolean tokenTypes) {
        try {
            return Files.write(file, model(tokenId(word), head, tokenTypes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled tokenizer.json, written where a configuration can name it. */
    public static Path writeTokenizer(Path file) {
        try {
            return Files.write(file, Embedders.resource(TOKENIZER_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a word that the tokenizer keeps whole. */
    public static long tokenId(String word) {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(Embedders.resource(TOKENIZER_RESOURCE)), Map.of())) {
            long[] ids = tokenizer.encode(word, false, false).getIds();
            if (ids.length != 1) {
                throw new IllegalArgumentException("'" + word + "' is not one token but " + ids.length);
            }
            return ids[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] model(long wordId, Head head, boolean tokenTypes) {
        OnnxModelWriter.Message graph = graph("tiny-cross-encoder")
                .input(tensor("input_ids", INT64, "batch", "sequence"))
                .input(tensor("attention_mask", INT64, "batch", "sequence"));
        if (tokenTypes) {
            graph.input(tensor("token_type_ids", INT64, "batch", "sequence"));
        }
        graph.initializer(int64Initializer("word", new long[0], wordId))
                .initializer(int64Initializer("axes", new long[] {1}, 1))
                .initializer(floatInitializer("per_token", new long[0], (float) PER_TOKEN))
                .node(node("Equal", new String[] {"input_ids", "word"}, "is_word"))
                .node(node("Cast", new String[] {"is_word"}, "word_hits", intAttribute("to", FLOAT)))
                .node(node("Cast", new String[] {"attention_mask"}, "attended", intAttribute("to", FLOAT)));
        String hits = "word_hits";
        if (tokenTypes) {
            graph.node(node("Cast", new String[] {"token_type_ids"}, "in_passage", intAttribute("to", FLOAT)))
                    .node(node("Mul", new String[] {"word_hits", "in_passage"}, "passage_hits"));
            hits = "passage_hits";
        }
        graph.node(node("Add", new String[] {hits, "per_token"}, "token_scores"))
                .node(node("Mul", new String[] {"token_scores", "attended"}, "counted"));
        switch (head) {
            case LOGIT -> graph
                    .node(node("ReduceSum", new String[] {"counted", "axes"}, "logits", intAttribute("keepdims", 1)))
                    .output(tensor("logits", FLOAT, "batch", 1));
            case VECTOR -> graph
                    .node(node("ReduceSum", new String[] {"counted", "axes"}, "logits", intAttribute("keepdims", 0)))
                    .output(tensor("logits", FLOAT, "batch"));
            case TWO_CLASS -> graph
                    .node(node("ReduceSum", new String[] {"counted", "axes"}, "relevant", intAttribute("keepdims", 1)))
                    .node(node("Neg", new String[] {"relevant"}, "not_relevant"))
                    .node(node("Concat", new String[] {"not_relevant", "relevant"}, "logits", intAttribute("axis", 1)))
                    .output(tensor("logits", FLOAT, "batch", 2));
        }
        return OnnxModelWriter.model(graph);
    }
}
