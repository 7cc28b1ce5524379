package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.Assist;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.embed.Embedder;
import dev.assist.testing.SharedEmbedder;
import dev.assist.triage.Triage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's triage and routing configuration: model files it reloads, and settings it refuses at start-up. */
class TriageConfigurationTest {
    @TempDir
    Path dir;

    private static void copyResource(String resource, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = Triage.class.getResourceAsStream(resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<String> intentLabels(TestServer server) {
        JsonNode body = server.post("/v1/triage", BOT, Map.of("text", "I was charged twice, I want my money back")).json();
        Set<String> labels = new HashSet<>();
        body.get("intents").forEach(intent -> labels.add(intent.get("label").asText()));
        return labels;
    }

    @Test
    void aChangedIntentModelFileIsServedWithoutARestart() throws Exception {
        Path model = dir.resolve("intents.model");
        copyResource(Triage.BUNDLED_INTENTS, model);
        AssistConfig config = TestServer.config().withTriage(new AssistConfig.Triage(model.toString(), null, List.of(), Map.of(), 1));

        try (TestServer server = TestServer.start(dir, config)) {
            assertThat(intentLabels(server)).contains("refund");

            // Any valid model will do to see the swap: the sentiment model's labels are unmistakable.
            copyResource(Triage.BUNDLED_SENTIMENT, model);

            Set<String> sentimentLabels = Set.of("negative", "neutral", "positive");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!sentimentLabels.containsAll(intentLabels(server)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(intentLabels(server)).isSubsetOf(sentimentLabels);
        }
    }

    private static AssistConfig withModels(String intents, String sentiment) {
        return TestServer.config().withTriage(new AssistConfig.Triage(intents, sentiment, List.of(), Map.of(), 10));
    }

    @Test
    void aMissingOrBrokenModelFileIsRefusedAtStartUpNamingItsKey() throws IOException {
        Path missing = dir.resolve("missing.model");
        assertThatThrownBy(() -> new Assist(withModels(missing.toString(), null), SharedEmbedder.get(), model -> null, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("triage.intent_model: model file not found: " + missing);

        Path text = Files.writeString(dir.resolve("notes.model"), "not a model");
        assertThatThrownBy(() -> new Assist(withModels(null, text.toString()), SharedEmbedder.get(), model -> null, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("triage.sentiment_model: ")
                .hasMessageContaining(text + " is not an Assist triage model file");
    }

    @Test
    void anIntentsModelAsTheSentimentModelIsRefusedAtStartUp() throws IOException {
        Path intents = dir.resolve("intents.model");
        copyResource(Triage.BUNDLED_INTENTS, intents);
        assertThatThrownBy(() -> new Assist(withModels(null, intents.toString()), SharedEmbedder.get(), model -> null, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("triage.sentiment_model: a sentiment model must have the labels [negative, neutral, positive]");
    }

    @Test
    void withAnotherEmbeddingModelTheBundledModelsAskForTrainedOnes() {
        Embedder shared = SharedEmbedder.get();
        Embedder multilingual = new Embedder("multilingual-e5-small@0123456789ab/mean", shared.dimension(), shared.maxTokens(),
                shared.model(), shared.tokens(), "");

        assertThatThrownBy(() -> new Assist(TestServer.config(), multilingual, model -> null, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("triage.intent_model is not set, and the bundled intents model does not fit this server's "
                        + "embedding model (classpath:" + Triage.BUNDLED_INTENTS + " was trained with embedding model ")
                .hasMessageContaining("but this process embeds with multilingual-e5-small@0123456789ab/mean")
                .hasMessageEndingWith("train one with ./assist train intents --data FILE --out MODEL and the server's embedding "
                        + "options, then set triage.intent_model: MODEL")
                .hasMessageNotContaining("--out classpath:");
    }

    @Test
    void unknownTriageLanguagesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Assist(TestServer.config().withTriage(
                new AssistConfig.Triage(null, null, List.of("en", "xx"), Map.of(), 10)), SharedEmbedder.get(), model -> null, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("triage.languages").hasMessageContaining("'xx'");
    }
}
