package dev.assist.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.assist.source.Article;
import dev.assist.source.ArticleReader;
import dev.assist.source.HtmlArticleReader;
import dev.assist.source.MarkdownArticleReader;
import dev.assist.source.SourceFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An article sent to the server rather than read from a file, turned into an {@link Article} by
 * the indexer's own readers, so that it follows the rules {@code ./assist index} applies to files:
 * a Markdown body goes through {@link MarkdownArticleReader} with front matter built from the
 * request (merged over the body's own front matter, if it has one), an HTML page through
 * {@link HtmlArticleReader}.
 */
public final class ArticleSubmission {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private ArticleSubmission() {
    }

    /** How the body is written. */
    public enum Format {
        MARKDOWN,
        HTML;

        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return MARKDOWN;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "markdown", "md" -> MARKDOWN;
                case "html" -> HTML;
                default -> throw new SourceFormatException("unknown format '" + value + "' (expected markdown or html)");
            };
        }
    }

    /** Fields the request gives next to the body; null means "as the body says". */
    public record Fields(String title, String locale, String visibility, String section, List<String> labels, String url,
                         String updatedAt) {
    }

    /**
     * Reads the article.
     *
     * @throws SourceFormatException with the reader's reason when the body or a field is not acceptable
     */
    public static Article read(String tenant, String id, String body, Format format, Fields fields) {
        if (body == null) {
            throw new SourceFormatException("missing body");
        }
        return switch (format) {
            case MARKDOWN -> markdown(tenant, id, body, fields);
            case HTML -> html(tenant, id, body, fields);
        };
    }

    private static Article markdown(String tenant, String id, String body, Fields fields) {
        String text = body.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ObjectNode frontMatter = YAML.createObjectNode();
        String content = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new SourceFormatException("front matter is not closed by a '---' line");
            }
            frontMatter = parseFrontMatter(text.substring(4, end + 1));
            int bodyStart = text.indexOf('\n', end + 4);
            content = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        }
        JsonNode declared = frontMatter.get("id");
        if (declared != null && !declared.isNull() && !declared.asText().equals(id)) {
            throw new SourceFormatException("front matter id '" + declared.asText() + "' differs from the id in the path '" + id + "'");
        }
        frontMatter.put("id", id);
        overlay(frontMatter, fields);
        String file = "---\n" + yaml(frontMatter) + "---\n" + content;
        return only(new MarkdownArticleReader().read(Path.of(id + ".md"), "api/" + id + ".md", file, tenant));
    }

    private static Article html(String tenant, String id, String body, Fields fields) {
        Article read = only(new HtmlArticleReader().read(Path.of(id + ".html"), "api/" + id + ".html", body, tenant));
        if (!read.id().equals(id)) {
            throw new SourceFormatException("the page's article:id '" + read.id() + "' differs from the id in the path '" + id + "'");
        }
        // Same checks as the Markdown path: the fields go through the reader's own parsing rules.
        ObjectNode overrides = YAML.createObjectNode();
        overlay(overrides, fields);
        return new Article(tenant, id,
                text(overrides, "title", read.title()),
                read.body(),
                text(overrides, "locale", read.locale()),
                overrides.has("visibility") ? dev.assist.source.Visibility.parse(overrides.get("visibility").asText()) : read.visibility(),
                text(overrides, "url", read.url()),
                fields.labels() != null ? fields.labels() : read.labels(),
                text(overrides, "section", read.section()),
                text(overrides, "updated_at", read.updatedAt()),
                read.metadata(),
                read.sourcePath());
    }

    private static ObjectNode parseFrontMatter(String yaml) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SourceFormatException("invalid YAML in front matter: " + e.getOriginalMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new SourceFormatException("front matter is not a YAML mapping of keys to values");
        }
        return (ObjectNode) node;
    }

    private static void overlay(ObjectNode frontMatter, Fields fields) {
        put(frontMatter, "title", fields.title());
        put(frontMatter, "locale", fields.locale());
        put(frontMatter, "visibility", fields.visibility());
        put(frontMatter, "section", fields.section());
        put(frontMatter, "url", fields.url());
        put(frontMatter, "updated_at", fields.updatedAt());
        if (fields.labels() != null) {
            frontMatter.remove("tags");
            var labels = frontMatter.putArray("labels");
            fields.labels().stream().filter(l -> l != null && !l.isBlank()).forEach(labels::add);
        }
        if (fields.locale() != null) {
            frontMatter.remove("lang");
        }
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static String text(ObjectNode node, String key, String fallback) {
        return node.has(key) ? node.get(key).asText() : fallback;
    }

    private static String yaml(ObjectNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("front matter always serializes", e);
        }
    }

    private static Article only(ArticleReader.FileResult result) {
        if (!result.problems().isEmpty()) {
            throw new SourceFormatException(result.problems().getFirst().reason());
        }
        if (result.articles().size() != 1) {
            throw new SourceFormatException("the body must hold exactly one article");
        }
        return result.articles().getFirst();
    }
}
