package dev.assist.eval.baseline;

import dev.assist.embed.Embedder;
import dev.assist.eval.EvalCase;
import dev.assist.eval.run.EvalConfig;
import dev.assist.eval.run.EvalTarget;
import dev.assist.eval.run.Outcome;
import dev.assist.llm.NumberedPassage;
import dev.assist.retrieve.Channel;
import dev.assist.source.Article;
import dev.assist.source.SourceBatch;
import dev.assist.source.SourceScanner;
import dev.assist.source.Visibility;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peer baseline: what a team gets from LangChain4j alone. Articles (parsed as the indexer
 * parses them, title above body) are split with {@link DocumentSplitters#recursive} and the
 * token count estimator that LangChain4j's "easy RAG" uses, embedded with the same embedding model
 * as Assist, kept in an {@link InMemoryEmbeddingStore} and searched with
 * {@link EmbeddingStoreContentRetriever} (top k by cosine). No lexical search, no language filter,
 * no re-ranking, no query instruction; internal articles are filtered out for the bot channel so
 * the baseline never wins by leaking.
 *
 * <p>Without a language model it answers with the top segment, citing its article, and hands
 * off only when no segment reaches the minimum score. The store is cached next to the eval
 * index ({@code langchain4j-naive-*.json}), keyed by the corpus hash and splitter settings.
 */
public final class NaiveLangChain4jTarget implements EvalTarget {
    private final ContentRetriever publicOnly;
    private final ContentRetriever everything;

    private NaiveLangChain4jTarget(ContentRetriever publicOnly, ContentRetriever everything) {
        this.publicOnly = publicOnly;
        this.everything = everything;
    }

    /** Builds (or loads from {@code cacheDir}) the store for {@code corpus}. */
    public static NaiveLangChain4jTarget build(Path corpus, Path cacheDir, Embedder embedder, EvalConfig.Naive settings)
            throws IOException {
        Path cached = cacheDir.resolve(String.format(Locale.ROOT, "langchain4j-naive-%d-%d.json",
                settings.maxSegmentTokens(), settings.overlapTokens()));
        InMemoryEmbeddingStore<TextSegment> store;
        if (Files.isRegularFile(cached)) {
            store = InMemoryEmbeddingStore.fromFile(cached);
        } else {
            store = ingest(corpus, embedder, settings);
            Files.createDirectories(cacheDir);
            Path partial = cached.resolveSibling(cached.getFileName() + ".tmp");
            store.serializeToFile(partial);
            Files.move(partial, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        var builder = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(embedder.model())
                .maxResults(settings.maxResults())
                .minScore(settings.minScore());
        ContentRetriever everything = builder.build();
        ContentRetriever publicOnly = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(embedder.model())
                .maxResults(settings.maxResults())
                .minScore(settings.minScore())
                .filter(MetadataFilterBuilder.metadataKey("visibility").isEqualTo(Visibility.PUBLIC.name().toLowerCase(Locale.ROOT)))
                .build();
        return new NaiveLangChain4jTarget(publicOnly, everything);
    }

    static InMemoryEmbeddingStore<TextSegment> ingest(Path corpus, Embedder embedder, EvalConfig.Naive settings)
            throws IOException {
        SourceBatch batch = SourceScanner.allFormats().scan(corpus, "eval");
        List<Document> documents = new ArrayList<>();
        for (Article article : batch.articles()) {
            Metadata metadata = new Metadata()
                    .put("article_id", article.id())
                    .put("title", article.title())
                    .put("visibility", article.visibility().name().toLowerCase(Locale.ROOT));
            documents.add(Document.from(article.title() + "\n\n" + article.body(), metadata));
        }
        DocumentSplitter splitter = DocumentSplitters.recursive(settings.maxSegmentTokens(), settings.overlapTokens(),
                new HuggingFaceTokenCountEstimator());
        List<TextSegment> segments = splitter.splitAll(documents);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int start = 0; start < segments.size(); start += 256) {
            List<TextSegment> slice = segments.subList(start, Math.min(segments.size(), start + 256));
            List<Embedding> embeddings = embedder.model().embedAll(slice).content();
            store.addAll(embeddings, slice);
        }
        return store;
    }

    @Override
    public Outcome run(EvalCase c) {
        long start = System.nanoTime();
        List<Content> contents = (c.channel() == Channel.BOT ? publicOnly : everything).retrieve(Query.from(c.question()));
        double ms = (System.nanoTime() - start) / 1e6;
        List<Outcome.RankedArticle> ranked = new ArrayList<>();
        for (Content content : contents) {
            TextSegment segment = content.textSegment();
            String id = segment.metadata().getString("article_id");
            if (ranked.stream().noneMatch(r -> r.articleId().equals(id))) {
                ranked.add(new Outcome.RankedArticle(id, segment.metadata().getString("title"), snippet(segment.text())));
            }
        }
        Map<String, Double> stages = Map.of("retrieve", Math.round(ms * 100) / 100.0);
        if (contents.isEmpty()) {
            return new Outcome(ranked, "", List.of(), true, "no_results", 0, "top-segment", c.question(), "", List.of(), stages, ms);
        }
        TextSegment top = contents.getFirst().textSegment();
        String id = top.metadata().getString("article_id");
        String title = top.metadata().getString("title");
        Object score = contents.getFirst().metadata().get(ContentMetadata.SCORE);
        double confidence = score instanceof Number number ? Math.max(0, Math.min(1, number.doubleValue())) : 0;
        return new Outcome(ranked, top.text() + " [1]", List.of(new Outcome.CitedArticle(1, id)), false, "", confidence,
                "top-segment", c.question(), "", List.of(new NumberedPassage(1, id, title, top.text())), stages, ms);
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 240 ? flat : flat.substring(0, 237) + "...";
    }
}
