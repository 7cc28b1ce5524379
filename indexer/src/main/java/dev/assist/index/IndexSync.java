package dev.assist.index;

import dev.assist.source.Article;
import dev.assist.source.SourceBatch;
import dev.assist.source.SourceProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Makes one tenant's part of the index match a source: new and changed articles are embedded
 * and written, unchanged ones (same content hash) are left alone, and articles gone from the
 * source are deleted unless deletion is off. Articles of a file that failed to parse are never
 * deleted: a broken file must not empty the help center. One commit at the end.
 */
public final class IndexSync {
    private final KnowledgeIndex index;
    private final ArticleWriter writer;

    public IndexSync(KnowledgeIndex index, ArticleWriter writer) {
        this.index = index;
        this.writer = writer;
    }

    public SyncReport sync(SourceBatch batch, String tenant, boolean deleteMissing, IndexProgress progress)
            throws IOException {
        long start = System.nanoTime();
        Map<String, Existing> existing = existing(tenant);
        List<SourceProblem> problems = new ArrayList<>(batch.problems());
        Map<String, Article> wanted = new LinkedHashMap<>();
        for (Article raw : batch.articles()) {
            Article article = writer.withLanguage(raw.withTenant(tenant));
            String key = IndexSchema.docKey(tenant, article.id(), article.language());
            Article previous = wanted.putIfAbsent(key, article);
            if (previous != null) {
                problems.add(SourceProblem.ofFile(article.sourcePath(), "duplicate article id '" + article.id()
                        + "' (" + article.language() + "), already read from " + previous.sourcePath() + "; kept the first"));
            }
        }

        List<Article> toWrite = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<String, Article> entry : wanted.entrySet()) {
            Existing old = existing.get(entry.getKey());
            if (old == null) {
                added++;
                toWrite.add(entry.getValue());
            } else if (!old.hash().equals(writer.contentHash(entry.getValue()))) {
                updated++;
                toWrite.add(entry.getValue());
            } else {
                unchanged++;
            }
        }

        Set<String> brokenFiles = batch.pathsWithProblems();
        int deleted = 0;
        int kept = 0;
        for (Map.Entry<String, Existing> entry : existing.entrySet()) {
            if (wanted.containsKey(entry.getKey())) {
                continue;
            }
            Existing gone = entry.getValue();
            if (deleteMissing && !brokenFiles.contains(gone.sourcePath())) {
                writer.delete(tenant, gone.articleId(), gone.language());
                deleted++;
            } else {
                kept++;
            }
        }

        int embedded;
        try {
            embedded = writer.upsert(toWrite, progress);
            index.commit();
        } catch (IOException | RuntimeException e) {
            index.rollback();
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SyncReport(added, updated, unchanged, deleted, kept, batch.skippedDrafts(), problems, embedded, seconds);
    }

    /** Every article of the tenant in the last commit plus pending changes: its hash and source file. */
    private Map<String, Existing> existing(String tenant) throws IOException {
        Map<String, Existing> found = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Weight weight = searcher.createWeight(searcher.rewrite(new TermQuery(new Term(IndexSchema.TENANT, tenant))),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            Set<String> fields = Set.of(IndexSchema.ARTICLE_ID, IndexSchema.LANGUAGE, IndexSchema.CONTENT_HASH,
                    IndexSchema.SOURCE_PATH, IndexSchema.CHUNK_ORDINAL);
            for (LeafReaderContext leaf : reader.leaves()) {
                var scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, fields);
                    String id = d.get(IndexSchema.ARTICLE_ID);
                    String language = d.get(IndexSchema.LANGUAGE);
                    found.putIfAbsent(IndexSchema.docKey(tenant, id, language),
                            new Existing(id, language, d.get(IndexSchema.CONTENT_HASH), d.get(IndexSchema.SOURCE_PATH)));
                }
            }
        }
        return found;
    }

    private record Existing(String articleId, String language, String hash, String sourcePath) {
    }
}
