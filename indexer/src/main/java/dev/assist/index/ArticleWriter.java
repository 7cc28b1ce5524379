package dev.assist.index;

import dev.assist.chunk.Chunk;
import dev.assist.chunk.HeadingChunker;
import dev.assist.embed.Embedder;
import dev.assist.source.Article;
import dev.assist.text.LanguageDetector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Writes articles into the index: chunk, embed in large length-sorted batches, and replace each
 * article's chunks in one atomic {@code updateDocuments} call. Used by the CLI sync and by the
 * server's live updates alike, so both follow the same rules. Does not commit.
 */
public final class ArticleWriter {
    /** Chunks embedded together: big enough for length-sorted batches, small enough for steady progress. */
    private static final int CHUNKS_PER_ROUND = 4096;

    private final IndexWriter writer;
    private final HeadingChunker chunker;
    private final Embedder embedder;
    private final LanguageDetector detector;

    public ArticleWriter(IndexWriter writer, HeadingChunker chunker, Embedder embedder, LanguageDetector detector) {
        this.writer = writer;
        this.chunker = chunker;
        this.embedder = embedder;
        this.detector = detector;
    }

    /** The article with its language detected when the source did not give one ({@code und} when unknown). */
    public Article withLanguage(Article article) {
        if (article.locale() != null && !article.locale().isBlank()) {
            return article;
        }
        String detected = detector.detect(article.title() + "\n" + article.body()).orElse("und");
        return article.withLocale(detected);
    }

    public String contentHash(Article article) {
        return ContentHash.of(article, chunker.policy().signature());
    }

    /**
     * Writes the articles (languages already set); returns how many chunks were embedded.
     * Lucene writing of one round (which also builds the HNSW graph) runs on its own thread while
     * the next round is chunked and embedded, so the cores never wait for each other.
     */
    public int upsert(List<Article> articles, IndexProgress progress) throws IOException {
        List<Prepared> prepared = new ArrayList<>(articles.size());
        int total = 0;
        for (Article article : articles) {
            Prepared p = new Prepared(article, contentHash(article), chunker.chunk(article));
            prepared.add(p);
            total += p.chunks().size();
        }
        progress.planned(articles.size(), total);
        ExecutorService lucene = Executors.newSingleThreadExecutor(r -> new Thread(r, "lucene-write"));
        try {
            Future<?> pending = CompletableFuture.completedFuture(null);
            int from = 0;
            while (from < prepared.size()) {
                int to = from;
                int chunks = 0;
                while (to < prepared.size() && chunks < CHUNKS_PER_ROUND) {
                    chunks += prepared.get(to++).chunks().size();
                }
                List<Prepared> round = prepared.subList(from, to);
                List<float[]> vectors = embed(round);
                await(pending);
                int roundChunks = chunks;
                pending = lucene.submit(() -> {
                    write(round, vectors);
                    progress.advanced(round.size(), roundChunks);
                    return null;
                });
                from = to;
            }
            await(pending);
        } finally {
            lucene.shutdown();
        }
        return total;
    }

    private List<float[]> embed(List<Prepared> round) {
        List<String> texts = new ArrayList<>();
        round.forEach(p -> p.chunks().forEach(c -> texts.add(c.embeddedText())));
        return embedder.embedDocuments(texts);
    }

    private void write(List<Prepared> round, List<float[]> vectors) throws IOException {
        int next = 0;
        for (Prepared p : round) {
            Article article = p.article();
            String language = article.language();
            List<Document> docs = new ArrayList<>(p.chunks().size());
            for (Chunk chunk : p.chunks()) {
                docs.add(ChunkDocuments.toDocument(article, language, p.hash(), chunk, p.chunks().size(),
                        vectors.get(next++)));
            }
            writer.updateDocuments(new Term(IndexSchema.DOC_KEY,
                    IndexSchema.docKey(article.tenant(), article.id(), language)), docs);
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Deletes one language version of an article. */
    public void delete(String tenant, String articleId, String language) throws IOException {
        writer.deleteDocuments(new Term(IndexSchema.DOC_KEY, IndexSchema.docKey(tenant, articleId, language)));
    }

    /** Deletes every language version of an article. */
    public void deleteAllLanguages(String tenant, String articleId) throws IOException {
        writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.TENANT, tenant)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
                .build());
    }

    private record Prepared(Article article, String hash, List<Chunk> chunks) {
    }
}
