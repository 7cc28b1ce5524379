package dev.assist.index;

/** Field names and the schema version of the index; see {@code package-info.java} for the contract. */
public final class IndexSchema {
    /** Bump when fields or their analysis change: older indexes then ask for a rebuild. */
    public static final int VERSION = 1;

    public static final String DOC_KEY = "doc_key";
    public static final String TENANT = "tenant";
    public static final String ARTICLE_ID = "article_id";
    public static final String VISIBILITY = "visibility";
    public static final String LANGUAGE = "lang";
    public static final String LOCALE = "locale";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    public static final String SECTION_PATH = "section_path";
    public static final String LABELS = "labels";
    public static final String URL = "url";
    public static final String UPDATED_AT = "updated_at";
    public static final String CONTENT_HASH = "content_hash";
    public static final String SOURCE_PATH = "source_path";
    public static final String CHUNK_ORDINAL = "chunk_ordinal";
    public static final String CHUNK_COUNT = "chunk_count";
    public static final String TEXT = "text";
    public static final String METADATA = "metadata";
    public static final String VECTOR = "vector";

    public static final String USER_SCHEMA_VERSION = "assist.schema_version";
    public static final String USER_MODEL_ID = "assist.model_id";
    public static final String USER_DIMENSION = "assist.dimension";
    public static final String USER_COMMITTED_AT = "assist.committed_at";

    private IndexSchema() {
    }

    /** The BM25 body field of a language analyzer key ({@code text_en}, {@code text_std} ...). */
    public static String textField(String analyzerKey) {
        return "text_" + analyzerKey;
    }

    /** The BM25 title field of a language analyzer key. */
    public static String titleField(String analyzerKey) {
        return "title_" + analyzerKey;
    }

    /** One key per language translation of an article: translations share the article id. */
    public static String docKey(String tenant, String articleId, String language) {
        return tenant + "\u001f" + language + "\u001f" + articleId;
    }
}
