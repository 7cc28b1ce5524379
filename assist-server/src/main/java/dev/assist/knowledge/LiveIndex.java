package dev.assist.knowledge;

import dev.assist.chunk.ChunkingPolicy;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.index.ArticleWriter;
import dev.assist.index.IndexMetadata;
import dev.assist.index.IndexProgress;
import dev.assist.index.KnowledgeIndex;
import dev.assist.source.Article;
import dev.assist.text.LinguaArticleLanguageDetector;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The index as the server holds it: searchers for requests and, when writable, the one writer
 * for live article updates. An update is committed and visible to the next search before the
 * call returns (near-real-time reopen), so "searchable within a second" holds by construction.
 * It also knows the languages each tenant's articles are in, kept current by the same writes.
 */
public final class LiveIndex implements Closeable {
    private final KnowledgeIndex writable;
    private final ArticleWriter articles;
    private final SearcherManager searchers;
    private final Closeable directory;
    private final ArticleLanguages languages;

    private LiveIndex(KnowledgeIndex writable, ArticleWriter articles, SearcherManager searchers, Closeable directory)
            throws IOException {
        this.writable = writable;
        this.articles = articles;
        this.searchers = searchers;
        this.directory = directory;
        this.languages = new ArticleLanguages(searchers);
        try {
            languages.readAll();
        } catch (IOException | RuntimeException e) {
            searchers.close();
            throw e;
        }
    }

    /** Opens (or creates) the index for searching and live updates; refuses one built with another model. */
    public static LiveIndex open(Path path, Embedder embedder) throws IOException {
        KnowledgeIndex index = KnowledgeIndex.openForWriting(path,
                IndexMetadata.current(embedder.modelId(), embedder.dimension()), false);
        try {
            ArticleWriter writer = new ArticleWriter(index.writer(),
                    new HeadingChunker(embedder.tokens(), ChunkingPolicy.defaults()), embedder,
                    new LinguaArticleLanguageDetector());
            return new LiveIndex(index, writer, new SearcherManager(index.writer(), new FilterCachingSearcherFactory()), () -> { });
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Opens an index another process may be writing: search only, no live updates. */
    public static LiveIndex openReadOnly(Path path, Embedder embedder) throws IOException {
        KnowledgeIndex.requireCompatible(path, IndexMetadata.current(embedder.modelId(), embedder.dimension()));
        FSDirectory directory = FSDirectory.open(path);
        try {
            return new LiveIndex(null, null, new SearcherManager(directory, new FilterCachingSearcherFactory()), directory);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public SearcherManager searchers() {
        return searchers;
    }

    public boolean writable() {
        return writable != null;
    }

    /** The languages (ISO 639-1, or {@code und}) of the tenant's articles as of the last write; empty if it has none. */
    public Set<String> articleLanguages(String tenant) {
        return languages.of(tenant);
    }

    /** Adds or replaces one article translation; returns the chunks written. */
    public synchronized int upsert(Article article) throws IOException {
        requireWritable();
        Article withLanguage = articles.withLanguage(article);
        int chunks;
        try {
            chunks = articles.upsert(List.of(withLanguage), IndexProgress.NONE);
            writable.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            writable.rollback();
            throw e;
        }
        languages.read(article.tenant());
        return chunks;
    }

    /** Whether any language of a tenant's article is in the index. */
    public boolean contains(String tenant, String articleId) throws IOException {
        return ArticleLookup.exists(searchers, tenant, articleId);
    }

    /** Deletes every language of an article; returns whether anything was there. */
    public synchronized boolean delete(String tenant, String articleId) throws IOException {
        requireWritable();
        boolean existed = ArticleLookup.exists(searchers, tenant, articleId);
        articles.deleteAllLanguages(tenant, articleId);
        writable.commit();
        searchers.maybeRefreshBlocking();
        languages.read(tenant);
        return existed;
    }

    /** Picks up commits another process made (read-only mode). */
    public void refresh() throws IOException {
        searchers.maybeRefresh();
        languages.readAll();
    }

    private void requireWritable() {
        if (writable == null) {
            throw new IllegalStateException("this index is open read-only; live updates need the server to own the index");
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writable != null) {
            writable.close();
        }
        directory.close();
    }
}
