package dev.assist.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.knowledge.LiveIndex;
import dev.assist.retrieve.Channel;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retriever works inside LangChain4j's own RAG plumbing, with Assist's filters. */
class AssistContentRetrieverTest {
    @Test
    void retrievesFilteredContentWithMetadataAndScores() throws Exception {
        AssistConfig config = ConfigLoader.defaults(Map.of());
        try (LiveIndex index = LiveIndex.openReadOnly(SamplesIndex.path(), SharedEmbedder.get())) {
            AssistPipeline pipeline = PipelineFactory.forConfig(SharedEmbedder.get(), config)
                    .build(config, index.searchers(), StageObserver.NONE);
            var bot = new AssistContentRetriever(pipeline, SamplesIndex.TENANT, Channel.BOT);

            List<Content> contents = bot.retrieve(Query.from("how do I download my invoices"));

            assertThat(contents).isNotEmpty();
            assertThat(contents.getFirst().textSegment().metadata().getString("article_id")).isEqualTo("billing-download-invoices");
            assertThat(contents.getFirst().metadata()).containsKey(ContentMetadata.SCORE);
            assertThat(bot.retrieve(Query.from("refund limits for tier 1 agents")))
                    .allSatisfy(c -> assertThat(c.textSegment().metadata().getString("visibility")).isEqualTo("public"));

            // Plugged into LangChain4j's augmentor, as someone else's application would.
            var augmentor = DefaultRetrievalAugmentor.builder().contentRetriever(bot).build();
            assertThat(augmentor).isNotNull();
        }
    }
}
