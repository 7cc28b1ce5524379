package dev.assist.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.assist.testing.SharedEmbedder;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "How do I download my invoices?",
            "Refunds reach the original payment method in 5-10 business days.",
            "Der Kartenleser verbindet sich nicht mit dem Tablet.",
            "Short",
            "A much longer passage about two-factor authentication, recovery codes, and what support does when a "
                    + "customer has lost the phone that held the authenticator app and has no codes left either.");

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void defaultModelIsNormalizedAndNamedByItsWeights() {
        Embedder embedder = SharedEmbedder.get();

        assertThat(embedder.modelId()).matches("bge-small-en-v1\\.5-q@[0-9a-f]{12}/cls");
        assertThat(embedder.dimension()).isEqualTo(384);
        List<float[]> vectors = embedder.embedDocuments(TEXTS);
        assertThat(vectors).hasSize(TEXTS.size());
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(384);
            assertThat(norm(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void eachTextAloneMatchesLangChain4jsOwnModel() {
        var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            float[] ours = SharedEmbedder.get().embedDocuments(List.of(text)).getFirst();
            float[] theirs = reference.embed(text).content().vector();
            assertThat(cosine(ours, theirs)).as(text).isGreaterThan(0.9999);
        }
    }

    /**
     * The model is int8 with dynamic quantization: activation scales are computed per call, so a
     * text embedded in a padded batch differs very slightly from the same text alone. Close, not equal.
     */
    @Test
    void batchedVectorsStayCloseToSingleTextVectors() {
        List<String> many = new ArrayList<>();
        IntStream.range(0, 70).forEach(i -> many.add(TEXTS.get(i % TEXTS.size()) + " #" + i));
        List<float[]> together = SharedEmbedder.get().embedDocuments(many);
        for (int i : new int[] {0, 33, 69}) {
            float[] alone = SharedEmbedder.get().embedDocuments(List.of(many.get(i))).getFirst();
            assertThat(cosine(together.get(i), alone)).isGreaterThan(0.99);
        }
    }

    @Test
    void onnxModelByPathWithTheDefaultModelsFilesGivesTheSameIdAndVectors() throws IOException {
        Path model = Files.write(dir.resolve("bge-small-en-v1.5-q.onnx"), Embedders.resource(Embedders.DEFAULT_MODEL_RESOURCE));
        Path tokenizer = Files.write(dir.resolve("tokenizer.json"), Embedders.resource(Embedders.DEFAULT_TOKENIZER_RESOURCE));

        Embedder byPath = Embedders.create(EmbedderConfig.onnx(model, tokenizer, Pooling.CLS));

        assertThat(byPath.modelId()).isEqualTo(SharedEmbedder.get().modelId());
        assertThat(byPath.dimension()).isEqualTo(384);
        List<float[]> expected = SharedEmbedder.get().embedDocuments(TEXTS);
        List<float[]> actual = byPath.embedDocuments(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(actual.get(i)).containsExactly(expected.get(i));
        }
    }

    @Test
    void meanPoolingIsADifferentModelId() throws IOException {
        Path model = Files.write(dir.resolve("m.onnx"), Embedders.resource(Embedders.DEFAULT_MODEL_RESOURCE));
        Path tokenizer = Files.write(dir.resolve("tokenizer.json"), Embedders.resource(Embedders.DEFAULT_TOKENIZER_RESOURCE));

        Embedder mean = Embedders.create(EmbedderConfig.onnx(model, tokenizer, Pooling.MEAN));

        assertThat(mean.modelId()).endsWith("/mean");
        float[] cls = SharedEmbedder.get().embedDocuments(List.of(TEXTS.get(1))).getFirst();
        float[] pooled = mean.embedDocuments(List.of(TEXTS.get(1))).getFirst();
        assertThat(cosine(cls, pooled)).isLessThan(0.999).isGreaterThan(0.5);
    }

    @Test
    void clsPlusMeanHoldsBothPoolingsOfOneForwardPass() throws IOException {
        Path model = Files.write(dir.resolve("m.onnx"), Embedders.resource(Embedders.DEFAULT_MODEL_RESOURCE));
        Path tokenizer = Files.write(dir.resolve("tokenizer.json"), Embedders.resource(Embedders.DEFAULT_TOKENIZER_RESOURCE));
        Embedder cls = SharedEmbedder.get();
        Embedder mean = Embedders.create(EmbedderConfig.onnx(model, tokenizer, Pooling.MEAN));

        Embedder both = Embedders.withPooling(cls, Pooling.CLS_MEAN);

        assertThat(both.modelId()).isEqualTo(cls.modelId().replace("/cls", "/cls+mean"));
        assertThat(both.dimension()).isEqualTo(768);
        float[] vector = both.embedDocuments(List.of(TEXTS.get(1))).getFirst();
        assertThat(norm(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        float[] first = java.util.Arrays.copyOfRange(vector, 0, 384);
        float[] second = java.util.Arrays.copyOfRange(vector, 384, 768);
        assertThat(cosine(first, cls.embedDocuments(List.of(TEXTS.get(1))).getFirst())).isGreaterThan(0.9999);
        assertThat(cosine(second, mean.embedDocuments(List.of(TEXTS.get(1))).getFirst())).isGreaterThan(0.9999);

        ((OnnxBatchEmbeddingModel) both.model()).close();
        assertThat(cls.embedDocuments(List.of("still open"))).as("a view does not close the shared session").hasSize(1);
        assertThat(Embedders.withPooling(cls, Pooling.CLS)).isSameAs(cls);
    }

    @Test
    void onlyInProcessModelsCanBePooledAnotherWay() {
        Embedder remote = new Embedder("openai:text-embedding-3-small", 3, 512,
                new dev.langchain4j.model.embedding.EmbeddingModel() { }, text -> 1, "");
        assertThatThrownBy(() -> Embedders.withPooling(remote, Pooling.CLS_MEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an in-process ONNX embedding model");
        assertThatThrownBy(() -> Pooling.parse("max")).hasMessageContaining("expected cls, mean or cls+mean");
    }

    @Test
    void missingModelFilesAreClearErrors() {
        assertThatThrownBy(() -> Embedders.create(EmbedderConfig.onnx(dir.resolve("none.onnx"), dir.resolve("t.json"), Pooling.CLS)))
                .hasMessageContaining("ONNX model file not found").hasMessageContaining("none.onnx");
        assertThatThrownBy(() -> new EmbedderConfig(EmbedderConfig.Kind.ONNX, null, null, null, null, null, null, 0, 0, 0, null))
                .hasMessageContaining("--model-path");
        assertThatThrownBy(() -> EmbedderConfig.Kind.parse("word2vec")).hasMessageContaining("default, onnx, openai or ollama");
    }

    @Test
    void openAiCompatibleEndpointIsCalledWithItsWireFormat() throws IOException {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        String base = serve("/v1/embeddings", request -> {
            requests.add(request);
            ObjectNode response = JSON.createObjectNode().put("object", "list").put("model", request.path("model").asText());
            ArrayNode data = response.putArray("data");
            JsonNode input = request.get("input");
            for (int i = 0; i < input.size(); i++) {
                data.addObject().put("object", "embedding").put("index", i).set("embedding", fakeVector(input.get(i).asText()));
            }
            response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
            return response;
        }) + "/v1";

        Embedder embedder = Embedders.create(new EmbedderConfig(EmbedderConfig.Kind.OPENAI, null, null, null,
                base, "text-embedding-3-small", "sk-test", 0, 0, 0, null));

        assertThat(embedder.modelId()).isEqualTo("openai:text-embedding-3-small");
        assertThat(embedder.dimension()).isEqualTo(4);
        List<float[]> vectors = embedder.embedDocuments(List.of("hello", "refund"));
        assertThat(cosine(vectors.get(1), toFloats(fakeVector("refund")))).isGreaterThan(0.99999);
        assertThat(cosine(vectors.get(0), toFloats(fakeVector("refund")))).isLessThan(0.999);
        assertThat(requests).allSatisfy(request -> assertThat(request.path("model").asText()).isEqualTo("text-embedding-3-small"));
        assertThat(requests.getLast().get("input")).extracting(JsonNode::asText).containsExactly("hello", "refund");
    }

    @Test
    void ollamaEndpointIsCalledWithItsWireFormat() throws IOException {
        String base = serve("/api/embed", request -> {
            ObjectNode response = JSON.createObjectNode().put("model", request.path("model").asText());
            ArrayNode embeddings = response.putArray("embeddings");
            JsonNode input = request.get("input");
            if (input.isTextual()) {
                embeddings.add(fakeVector(input.asText()));
            } else {
                input.forEach(text -> embeddings.add(fakeVector(text.asText())));
            }
            return response;
        });

        Embedder embedder = Embedders.create(new EmbedderConfig(EmbedderConfig.Kind.OLLAMA, null, null, null,
                base, "nomic-embed-text", null, 0, 0, 0, null));

        assertThat(embedder.modelId()).isEqualTo("ollama:nomic-embed-text");
        float[] vector = embedder.embedDocuments(List.of("refund")).getFirst();
        assertThat(cosine(vector, toFloats(fakeVector("refund")))).isGreaterThan(0.99999);
        assertThat(norm(vector)).as("remote vectors are normalized like local ones").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    /** A deterministic 4-dimensional vector per text, so the test can tell which text came back where. */
    private static ArrayNode fakeVector(String text) {
        ArrayNode vector = JSON.createArrayNode();
        int h = text.hashCode();
        vector.add(0.5).add((h & 0xff) / 255.0).add(((h >> 8) & 0xff) / 255.0).add(text.length() / 10.0);
        return vector;
    }

    private static float[] toFloats(ArrayNode node) {
        float[] floats = new float[node.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) node.get(i).asDouble();
        }
        return floats;
    }

    private String serve(String path, Function<JsonNode, JsonNode> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            byte[] body = JSON.writeValueAsBytes(handler.apply(request));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }
}
