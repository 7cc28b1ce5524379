package dev.assist.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.assist.embed.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading and running an ONNX cross-encoder: a hand-written tiny model with the bundled bge tokenizer. */
class CrossEncoderTest {
    private static final String QUESTION = "When does shipping start for my order?";

    @TempDir
    static Path dir;
    private static Path model;
    private static Path tokenizer;

    @BeforeAll
    static void write() {
        model = TinyCrossEncoder.write(dir.resolve("shipping.onnx"), "shipping");
        tokenizer = TinyCrossEncoder.writeTokenizer(dir.resolve("tokenizer.json"));
    }

    @Test
    void theHandWrittenModelRunsInOnnxRuntime() throws Exception {
        long word = TinyCrossEncoder.tokenId("shipping");
        long[][] ids = {{101, word, 102, word, word, 102}, {101, word, 102, 7, 102, 0}};
        long[][] mask = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 0}};
        long[][] types = {{0, 0, 0, 1, 1, 1}, {0, 0, 0, 1, 1, 0}};
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(Files.readAllBytes(model), new OrtSession.SessionOptions());
             OnnxTensor idsTensor = OnnxTensor.createTensor(environment, ids);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, types);
             OrtSession.Result result = session.run(Map.of(
                     "input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor))) {
            float[][] logits = (float[][]) result.get("logits").orElseThrow().getValue();

            assertThat(logits[0][0]).isCloseTo(2 + 6 * 0.001f, within(1e-6f));
            assertThat(logits[1][0]).isCloseTo(0 + 5 * 0.001f, within(1e-6f));
        }
    }

    @Test
    void scoresTheWordInThePassageNotInTheQuestion() {
        try (CrossEncoder encoder = CrossEncoder.load(model, tokenizer)) {
            float[] scores = encoder.score(QUESTION, List.of("Shipping twice: shipping.", "Delivery takes two days.", "Free shipping."));

            assertThat(wordCounts(scores)).containsExactly(2, 0, 1);
        }
    }

    @Test
    void batchesOfMixedLengthsScoreAsOneByOne() {
        List<String> passages = List.of(
                "shipping",
                "Orders to Germany take three to five working days, and the shipping fee is paid back when they are late.",
                "Free shipping",
                "Orders leave the warehouse the next working day; shipping to the rest of Europe takes a week. ".repeat(3),
                "no");
        float[] oneByOne;
        try (CrossEncoder single = CrossEncoder.load(model, tokenizer, 1, 1)) {
            oneByOne = single.score(QUESTION, passages);
        }
        for (int[] batching : new int[][] {{8, 1}, {2, 1}, {3, 2}}) {
            try (CrossEncoder batched = CrossEncoder.load(model, tokenizer, batching[0], batching[1])) {
                float[] scores = batched.score(QUESTION, passages);

                for (int i = 0; i < passages.size(); i++) {
                    assertThat(scores[i]).as("passage %d in batches of %d on %d threads", i, batching[0], batching[1])
                            .isCloseTo(oneByOne[i], within(1e-5f));
                }
            }
        }
        assertThat(wordCounts(oneByOne)).containsExactly(1, 1, 1, 3, 0);
    }

    @ParameterizedTest
    @CsvSource({"LOGIT, true", "VECTOR, true", "TWO_CLASS, true", "LOGIT, false"})
    void readsTheRelevanceOfEachHeadShape(TinyCrossEncoder.Head head, boolean tokenTypes) {
        Path variant = TinyCrossEncoder.write(dir.resolve(head + "-" + tokenTypes + ".onnx"), "shipping", head, tokenTypes);
        try (CrossEncoder encoder = CrossEncoder.load(variant, tokenizer)) {
            float[] scores = encoder.score(QUESTION, List.of("shipping shipping", "nothing here", "shipping"));

            // Without token types the question's own "shipping" counts too.
            int fromQuestion = tokenTypes ? 0 : 1;
            assertThat(wordCounts(scores)).containsExactly(2 + fromQuestion, fromQuestion, 1 + fromQuestion);
        }
    }

    @Test
    void truncatesALongPairToTheModelLimit() {
        String longPassage = "shipping ".repeat(2000);
        try (CrossEncoder encoder = CrossEncoder.load(model, tokenizer)) {
            float score = encoder.score(QUESTION, List.of(longPassage))[0];

            int questionTokens = 8; // when does shipping start for my order ?
            int passageTokens = CrossEncoder.MAX_TOKENS - questionTokens - 3;
            assertThat(score).isCloseTo(passageTokens + CrossEncoder.MAX_TOKENS * 0.001f, within(1e-3f));
        }
    }

    @Test
    void aMissingModelFileSaysWhichKeyAndPath() {
        Path missing = dir.resolve("nowhere/model.onnx");

        assertThatThrownBy(() -> CrossEncoder.load(missing, tokenizer))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining("rerank.cross_encoder_model")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no file");
    }

    @Test
    void aMissingTokenizerSaysWhichKeyAndPath() {
        Path missing = dir.resolve("nowhere/tokenizer.json");

        assertThatThrownBy(() -> CrossEncoder.load(model, missing))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining("rerank.cross_encoder_tokenizer")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aTokenizerThatIsNotOneIsRejected() throws Exception {
        Path notTokenizer = Files.writeString(dir.resolve("not-a-tokenizer.json"), "{\"hello\": 1}");

        assertThatThrownBy(() -> CrossEncoder.load(model, notTokenizer))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining(notTokenizer.toString())
                .hasMessageContaining("is not a Hugging Face tokenizer.json");
    }

    @Test
    void aFileThatIsNotOnnxIsRejected() throws Exception {
        Path text = Files.writeString(dir.resolve("readme.onnx"), "This is a README, not a model.\n".repeat(20));

        assertThatThrownBy(() -> CrossEncoder.load(text, tokenizer))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining(text.toString())
                .hasMessageContaining("is not an ONNX model");
    }

    @Test
    void theBundledSentenceEmbeddingModelIsNotACrossEncoder() throws Exception {
        Path biEncoder = Files.write(dir.resolve("bge-small-en-v1.5-q.onnx"), Embedders.resource("/bge-small-en-v1.5-q.onnx"));

        assertThatThrownBy(() -> CrossEncoder.load(biEncoder, tokenizer))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining(biEncoder.toString())
                .hasMessageContaining("last_hidden_state")
                .hasMessageContaining("384]")
                .hasMessageContaining("this looks like a sentence-embedding model, not a cross-encoder");
    }

    @Test
    void aModelWithOtherInputsIsNotACrossEncoder() throws Exception {
        byte[] imageModel = OnnxModelWriter.model(OnnxModelWriter.graph("image")
                .input(OnnxModelWriter.tensor("pixel_values", OnnxModelWriter.FLOAT, "batch", 3))
                .node(OnnxModelWriter.node("Identity", new String[] {"pixel_values"}, "logits"))
                .output(OnnxModelWriter.tensor("logits", OnnxModelWriter.FLOAT, "batch", 3)));
        Path file = Files.write(dir.resolve("image.onnx"), imageModel);

        assertThatThrownBy(() -> CrossEncoder.load(file, tokenizer))
                .isInstanceOf(CrossEncoderException.class)
                .hasMessageContaining("is not a cross-encoder")
                .hasMessageContaining("pixel_values float [batch, 3]");
    }

    /** The whole part of each score: the word's occurrences (the fraction counts tokens). */
    private static int[] wordCounts(float[] scores) {
        int[] counts = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            counts[i] = (int) Math.floor(scores[i]);
        }
        return counts;
    }
}
