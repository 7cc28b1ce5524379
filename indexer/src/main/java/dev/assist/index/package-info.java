/**
 * The knowledge index: one Lucene document per chunk.
 *
 * <p>Schema (version {@link dev.assist.index.IndexSchema#VERSION}); names are in {@link dev.assist.index.IndexSchema}:
 * <ul>
 *   <li>Filters, indexed as exact terms and stored: {@code tenant}, {@code article_id}, {@code visibility}
 *       ({@code public|internal}), {@code lang} (ISO 639-1, or {@code und}), {@code labels}, {@code content_hash};
 *       {@code doc_key} (tenant, language, id; not stored) identifies one article translation for updates.</li>
 *   <li>BM25, analyzed per language and not stored: {@code text_xx} (section path and chunk text) and
 *       {@code title_xx}, where {@code xx} is the analyzer key of {@link dev.assist.index.LanguageAnalyzers}
 *       ({@code en, de, fr, es, pt, it, nl, sv, ru, ar, el, hi, ro, tr, th}; {@code zh, ja, ko} with CJK bigrams; else {@code std}).</li>
 *   <li>Stored to render a result: {@code title}, {@code section}, {@code section_path}, {@code url},
 *       {@code locale}, {@code updated_at}, {@code text}, {@code chunk_ordinal}, {@code chunk_count},
 *       {@code source_path}, {@code metadata} (JSON of a JSONL source's extra fields).</li>
 *   <li>{@code vector}: {@code KnnFloatVectorField}, unit length, dot-product similarity, HNSW
 *       ({@link dev.assist.index.IndexCodec}).</li>
 * </ul>
 *
 * <p>Every commit carries user data: {@code assist.schema_version}, {@code assist.model_id},
 * {@code assist.dimension} and {@code assist.committed_at}. Readers and writers refuse an index
 * whose schema or model differ from theirs ({@link dev.assist.index.IncompatibleIndexException}).
 */
package dev.assist.index;
