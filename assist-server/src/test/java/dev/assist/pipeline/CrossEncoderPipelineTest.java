package dev.assist.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.config.ConfigLoader;
import dev.assist.knowledge.LiveIndex;
import dev.assist.rerank.ScoredPassage;
import dev.assist.rerank.TinyCrossEncoder;
import dev.assist.retrieve.Channel;
import dev.assist.retrieve.Passage;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rerank.kind: cross-encoder} in a configuration: checked at start-up, then used by the pipeline. */
class CrossEncoderPipelineTest {
    @TempDir
    Path dir;

    private static AssistConfig crossEncoder(String model, String tokenizer) {
        AssistConfig config = ConfigLoader.defaults(Map.of());
        AssistConfig.Rerank rerank = config.rerank();
        return config.withRerank(new AssistConfig.Rerank("cross-encoder", rerank.depth(), rerank.weights(), rerank.passages(),
                rerank.maxPerArticle(), rerank.mmrLambda(), model, tokenizer));
    }

    @Test
    void withoutAModelPathTheServerDoesNotStart() {
        assertThatThrownBy(() -> PipelineFactory.forConfig(SharedEmbedder.get(), crossEncoder(null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rerank.cross_encoder_model is not set");
    }

    @Test
    void withoutATokenizerPathTheServerDoesNotStart() {
        Path model = TinyCrossEncoder.write(dir.resolve("model.onnx"), "money");

        assertThatThrownBy(() -> PipelineFactory.forConfig(SharedEmbedder.get(), crossEncoder(model.toString(), " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rerank.cross_encoder_tokenizer is not set");
    }

    @Test
    void aWrongModelPathFailsAtStartUpNamingIt() {
        Path tokenizer = TinyCrossEncoder.writeTokenizer(dir.resolve("tokenizer.json"));
        Path missing = dir.resolve("missing.onnx");

        assertThatThrownBy(() -> PipelineFactory.forConfig(SharedEmbedder.get(), crossEncoder(missing.toString(), tokenizer.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void theConfiguredCrossEncoderOrdersWhatThePipelineRetrieves() throws Exception {
        AssistConfig config = crossEncoder(TinyCrossEncoder.write(dir.resolve("model.onnx"), "tax").toString(),
                TinyCrossEncoder.writeTokenizer(dir.resolve("tokenizer.json")).toString());
        AssistConfig baseline = config.withRerank(config.rerank().withKind("none"));
        String question = "how do i download my invoices";
        try (LiveIndex index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get())) {
            PipelineFactory factory = PipelineFactory.forConfig(SharedEmbedder.get(), config);
            List<Passage> fused = passages(factory.build(baseline, index.searchers(), StageObserver.NONE), question);
            List<Passage> reranked = passages(factory.build(config, index.searchers(), StageObserver.NONE), question);

            // The tiny model only cares how often "tax" occurs: the invoices article mentions it once.
            assertThat(fused.getFirst().articleId()).isEqualTo("billing-download-invoices");
            assertThat(reranked.getFirst().articleId()).isNotEqualTo("billing-download-invoices");
            assertThat(taxMentions(reranked.getFirst())).isGreaterThan(taxMentions(fused.getFirst()));
        }
    }

    private static List<Passage> passages(AssistPipeline pipeline, String question) {
        Answer answer = pipeline.answer(new AnswerRequest(SamplesIndex.TENANT, Channel.BOT, question, List.of(), Optional.empty()));
        return answer.retrieval().passages().stream().map(ScoredPassage::passage).toList();
    }

    private static long taxMentions(Passage passage) {
        return Pattern.compile("\\btax\\b", Pattern.CASE_INSENSITIVE).matcher(passage.title() + "\n" + passage.text()).results().count();
    }
}
