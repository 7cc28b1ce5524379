package dev.assist.pipeline;

import dev.assist.rerank.ScoredPassage;
import dev.assist.retrieve.Channel;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assist's retrieval (hybrid search, re-ranking, tenant and visibility filters) as a LangChain4j
 * {@link ContentRetriever}, so any LangChain4j application can ground its answers in an Assist
 * index. Bound to one tenant and channel at construction, as an API key would be.
 */
public final class AssistContentRetriever implements ContentRetriever {
    private final AssistPipeline pipeline;
    private final String tenant;
    private final Channel channel;

    public AssistContentRetriever(AssistPipeline pipeline, String tenant, Channel channel) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public List<Content> retrieve(Query query) {
        if (query == null || query.text() == null || query.text().isBlank()) {
            return List.of();
        }
        Retrieval retrieval = pipeline.search(new AnswerRequest(tenant, channel, query.text(), List.of(), Optional.empty()),
                pipeline.newTimings());
        return retrieval.passages().stream().map(AssistContentRetriever::content).toList();
    }

    private static Content content(ScoredPassage passage) {
        var chunk = passage.passage().chunk();
        Metadata metadata = new Metadata()
                .put("article_id", chunk.articleId())
                .put("title", chunk.title())
                .put("url", chunk.url())
                .put("language", chunk.language())
                .put("section_path", chunk.sectionPath())
                .put("visibility", chunk.visibility());
        TextSegment segment = TextSegment.from(chunk.text(), metadata);
        return Content.from(segment, Map.of(ContentMetadata.SCORE, passage.score(),
                ContentMetadata.EMBEDDING_ID, passage.passage().id()));
    }
}
