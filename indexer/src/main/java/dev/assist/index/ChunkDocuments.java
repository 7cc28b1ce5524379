package dev.assist.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.chunk.Chunk;
import dev.assist.source.Article;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Builds the Lucene document of one chunk, and reads the stored fields back. */
public final class ChunkDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChunkDocuments() {
    }

    public static Document toDocument(Article article, String language, String contentHash, Chunk chunk,
                                      int chunkCount, float[] vector) {
        String analyzerKey = LanguageAnalyzers.keyFor(language);
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.DOC_KEY, IndexSchema.docKey(article.tenant(), article.id(), language),
                Field.Store.NO));
        doc.add(new StringField(IndexSchema.TENANT, article.tenant(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.VISIBILITY, article.visibility().wireName(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.LANGUAGE, language, Field.Store.YES));
        doc.add(new StoredField(IndexSchema.LOCALE, article.locale() == null ? language : article.locale()));
        doc.add(new StoredField(IndexSchema.TITLE, article.title()));
        doc.add(new StoredField(IndexSchema.SECTION, article.section()));
        doc.add(new StoredField(IndexSchema.SECTION_PATH, chunk.sectionPath()));
        for (String label : article.labels()) {
            doc.add(new StringField(IndexSchema.LABELS, label, Field.Store.YES));
        }
        doc.add(new StoredField(IndexSchema.URL, article.url()));
        doc.add(new StoredField(IndexSchema.UPDATED_AT, article.updatedAt()));
        doc.add(new StringField(IndexSchema.CONTENT_HASH, contentHash, Field.Store.YES));
        doc.add(new StoredField(IndexSchema.SOURCE_PATH, article.sourcePath()));
        doc.add(new StoredField(IndexSchema.CHUNK_ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(IndexSchema.CHUNK_COUNT, chunkCount));
        doc.add(new StoredField(IndexSchema.TEXT, chunk.text()));
        if (!article.metadata().isEmpty()) {
            doc.add(new StoredField(IndexSchema.METADATA, toJson(article.metadata())));
        }
        // BM25 sees the section path too: headings carry much of what a chunk is about.
        String searchable = chunk.sectionPath().isEmpty() ? chunk.text() : chunk.sectionPath() + "\n" + chunk.text();
        doc.add(new TextField(IndexSchema.textField(analyzerKey), searchable, Field.Store.NO));
        doc.add(new TextField(IndexSchema.titleField(analyzerKey), article.title(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    public static StoredChunk fromDocument(Document doc) {
        return new StoredChunk(
                doc.get(IndexSchema.TENANT),
                doc.get(IndexSchema.ARTICLE_ID),
                doc.get(IndexSchema.VISIBILITY),
                doc.get(IndexSchema.LANGUAGE),
                doc.get(IndexSchema.LOCALE),
                doc.get(IndexSchema.TITLE),
                doc.get(IndexSchema.SECTION),
                doc.get(IndexSchema.SECTION_PATH),
                java.util.List.of(doc.getValues(IndexSchema.LABELS)),
                doc.get(IndexSchema.URL),
                doc.get(IndexSchema.UPDATED_AT),
                doc.get(IndexSchema.CONTENT_HASH),
                doc.get(IndexSchema.SOURCE_PATH),
                doc.getField(IndexSchema.CHUNK_ORDINAL).numericValue().intValue(),
                doc.getField(IndexSchema.CHUNK_COUNT).numericValue().intValue(),
                doc.get(IndexSchema.TEXT),
                fromJson(doc.get(IndexSchema.METADATA)));
    }

    private static String toJson(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt metadata field: " + e.getMessage(), e);
        }
    }
}
