package dev.assist.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.text.HtmlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A help-center JSON export in the Zendesk Help Center API shape:
 * {@code {"articles":[{"id","title","body"(HTML),"locale","html_url","label_names","section_id","draft","updated_at"}]}}.
 * Drafts are skipped. An article without id or title is reported with its position; the
 * others are kept. An optional {@code visibility} field marks internal articles.
 */
public final class HelpCenterJsonReader implements ArticleReader {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean accepts(String fileName) {
        return fileName.endsWith(".json");
    }

    @Override
    public FileResult read(Path file, String displayPath, String text, String tenant) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SourceFormatException("invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        JsonNode items = root == null ? null : root.isArray() ? root : root.get("articles");
        if (items == null && root != null && root.has("article")) {
            items = json.createArrayNode().add(root.get("article"));
        }
        if (items == null || !items.isArray()) {
            throw new SourceFormatException("not a help-center export: expected {\"articles\": [...]}");
        }
        List<Article> articles = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        int drafts = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.path("draft").asBoolean(false)) {
                drafts++;
                continue;
            }
            try {
                articles.add(toArticle(item, displayPath, tenant));
            } catch (SourceFormatException e) {
                problems.add(SourceProblem.ofFile(displayPath, "articles[" + i + "]: " + e.getMessage()));
            }
        }
        return new FileResult(articles, problems, drafts);
    }

    private static Article toArticle(JsonNode item, String displayPath, String tenant) {
        if (!item.isObject()) {
            throw new SourceFormatException("not a JSON object");
        }
        String body = JsonFields.text(item, "body");
        return new Article(
                tenant,
                JsonFields.text(item, "id"),
                JsonFields.text(item, "title"),
                body == null ? "" : HtmlText.fragmentToPlainText(body),
                JsonFields.text(item, "locale"),
                Visibility.parse(JsonFields.text(item, "visibility")),
                JsonFields.text(item, "html_url"),
                JsonFields.strings(item, "label_names"),
                JsonFields.text(item, "section_id"),
                JsonFields.text(item, "updated_at"),
                null,
                displayPath);
    }
}
