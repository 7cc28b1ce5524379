package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.embed.Pooling;
import dev.assist.testing.SharedEmbedder;
import dev.assist.triage.learn.ClassifierTrainer;
import dev.assist.triage.learn.IncompatibleModelException;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.ModelFile;
import dev.assist.triage.learn.NgramConfig;
import dev.assist.triage.learn.TrainingOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models trained on the retrieval vector and on both poolings are served from one forward pass. */
class TriageVectorsTest {
    private static final Embedder EMBEDDER = SharedEmbedder.get();
    private static final String TEXT = "I was charged twice for my subscription this month";

    @TempDir
    Path dir;

    @Test
    void eachModelReadsThePoolingItWasTrainedOn() {
        TriageVectors vectors = TriageVectors.of(EMBEDDER);
        assertThat(vectors.embedder().modelId()).isEqualTo(Embedders.pooledId(EMBEDDER.modelId(), Pooling.CLS_MEAN));
        float[] both = vectors.embedder().embedDocuments(List.of(TEXT)).getFirst();

        assertThat(vectors.view(both, vectors.embedder().modelId())).isSameAs(both);
        float[] cls = vectors.view(both, EMBEDDER.modelId());
        assertThat(cls).hasSize(EMBEDDER.dimension());
        assertThat(cls).containsExactly(EMBEDDER.embedDocuments(List.of(TEXT)).getFirst(), org.assertj.core.data.Offset.offset(1e-5f));
        float[] mean = vectors.view(both, Embedders.pooledId(EMBEDDER.modelId(), Pooling.MEAN));
        assertThat(mean).hasSize(EMBEDDER.dimension()).isNotEqualTo(cls);

        assertThatThrownBy(() -> vectors.view(both, "all-minilm-l6-v2-q/mean"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read vectors of");
    }

    @Test
    void aClsModelAndABothPoolingsModelAreServedTogether() {
        Embedder both = Embedders.withPooling(EMBEDDER, Pooling.CLS_MEAN);
        List<LabeledText> rows = List.of(new LabeledText("I hate this, it is awful", "negative"),
                new LabeledText("terrible service, so angry", "negative"), new LabeledText("worst app ever", "negative"),
                new LabeledText("where is the export button", "neutral"), new LabeledText("how do I add a user", "neutral"),
                new LabeledText("what time do you open", "neutral"), new LabeledText("thank you so much, great help", "positive"),
                new LabeledText("love it, works perfectly", "positive"), new LabeledText("awesome, thanks a lot", "positive"));
        Path file = dir.resolve("sentiment.model");
        ModelFile.write(train("sentiment", rows, both).model(), file);

        Triage triage = new Triage(EMBEDDER, TriageConfig.defaults(), ModelSource.resource(Triage.BUNDLED_INTENTS,
                Triage.acceptedEmbeddingModels(EMBEDDER)), ModelSource.file(file, Triage.acceptedEmbeddingModels(EMBEDDER)),
                SignalDetector.defaults());
        TriageResult result = triage.triage(TriageRequest.of(TEXT, "acme"));

        float[] cls = EMBEDDER.embedDocuments(List.of(TEXT)).getFirst();
        assertThat(result.intent()).as("the intents model reads the [CLS] view")
                .isEqualTo(triage.intentModel().classify(TEXT, cls).label());
        double[] polarity = triage.sentimentModel().probabilities(TEXT, both.embedDocuments(List.of(TEXT)).getFirst());
        assertThat(result.sentiment().score()).as("the sentiment model reads both poolings")
                .isCloseTo(polarity[2] - polarity[0], org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aModelOfAnotherEmbeddingModelIsRefusedNamingWhatWouldFit() {
        Path foreign = dir.resolve("foreign.model");
        List<LabeledText> rows = List.of(new LabeledText("refund please", "refund"), new LabeledText("money back", "refund"),
                new LabeledText("charged twice", "refund"), new LabeledText("reset my password", "password"),
                new LabeledText("forgot password", "password"), new LabeledText("cannot log in", "password"));
        Embedder other = new Embedder("all-minilm-l6-v2-q/mean", EMBEDDER.dimension(), EMBEDDER.maxTokens(), EMBEDDER.model(),
                EMBEDDER.tokens(), "");
        ModelFile.write(train("intents", rows, other).model(), foreign);

        assertThatThrownBy(() -> ModelSource.file(foreign, Triage.acceptedEmbeddingModels(EMBEDDER)))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("was trained with embedding model all-minilm-l6-v2-q/mean")
                .hasMessageContaining(EMBEDDER.modelId() + " or ");
    }

    private static ClassifierTrainer.Result train(String kind, List<LabeledText> rows, Embedder embedder) {
        return new ClassifierTrainer(new TrainingOptions(3, 1e-4, 2.0, NgramConfig.defaults(), 0, 0.05, Double.NaN,
                0.0, 0.5, 30, 0), line -> { }).train(kind, rows,
                embedder.embedDocuments(rows.stream().map(LabeledText::text).toList()), embedder.modelId(), Map.of());
    }

    @Test
    void aCopyOfTheRetrievalVectorIsWhatAClsModelSees() {
        float[] cls = EMBEDDER.embedDocuments(List.of(TEXT)).getFirst();
        float[] both = Embedders.withPooling(EMBEDDER, Pooling.CLS_MEAN).embedDocuments(List.of(TEXT)).getFirst();
        float[] firstHalf = Arrays.copyOf(both, cls.length);
        double dot = 0;
        for (int i = 0; i < cls.length; i++) {
            dot += cls[i] * firstHalf[i];
        }
        assertThat(dot).as("the first half is the [CLS] vector scaled by 1/sqrt(2)").isCloseTo(Math.sqrt(0.5),
                org.assertj.core.data.Offset.offset(1e-4));
    }
}
