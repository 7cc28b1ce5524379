package dev.assist.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One help-center article in one language, as every source format reads it.
 *
 * <p>{@code body} is plain text in which headings are kept as Markdown heading lines
 * ({@code ## Title}), so the chunker can follow the article's structure whatever the source.
 * An article is identified by tenant, id and language: translations share the id.
 *
 * @param locale BCP 47 tag as the source gives it, or {@code null} when the source does not say
 *     (the indexer then detects it)
 * @param sourcePath the file it came from, used to protect its articles when the file breaks
 */
public record Article(
        String tenant,
        String id,
        String title,
        String body,
        String locale,
        Visibility visibility,
        String url,
        List<String> labels,
        String section,
        String updatedAt,
        Map<String, String> metadata,
        String sourcePath) {

    public Article {
        requireText(tenant, "tenant");
        requireText(id, "id");
        requireText(title, "title");
        body = body == null ? "" : body;
        visibility = Objects.requireNonNullElse(visibility, Visibility.PUBLIC);
        url = url == null ? "" : url;
        labels = labels == null ? List.of() : List.copyOf(labels);
        section = section == null ? "" : section;
        updatedAt = updatedAt == null ? "" : updatedAt;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        sourcePath = sourcePath == null ? "" : sourcePath;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new SourceFormatException("missing " + field);
        }
    }

    /** The same article with its language set (after detection). */
    public Article withLocale(String newLocale) {
        return new Article(tenant, id, title, body, newLocale, visibility, url, labels, section,
                updatedAt, metadata, sourcePath);
    }

    /** The same article for another tenant (the CLI and the API assign tenants). */
    public Article withTenant(String newTenant) {
        return new Article(newTenant, id, title, body, locale, visibility, url, labels, section,
                updatedAt, metadata, sourcePath);
    }

    /** The primary language subtag, lower case ({@code de} for {@code de-AT}); empty when unknown. */
    public String language() {
        return Languages.primary(locale);
    }
}
