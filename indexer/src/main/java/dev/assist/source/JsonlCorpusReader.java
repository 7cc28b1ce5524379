package dev.assist.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSONL in the {@code corpus.jsonl} schema of the shared datasets: {@code id}, {@code title},
 * {@code text}, {@code lang}; optional {@code visibility}, {@code url}, {@code labels},
 * {@code section}, {@code updated_at}; every other scalar field is kept as metadata.
 * A bad line is reported with its line number and the other lines are kept.
 */
public final class JsonlCorpusReader implements ArticleReader {
    private static final Set<String> KNOWN = Set.of(
            "id", "title", "text", "lang", "locale", "visibility", "url", "labels", "section", "updated_at");
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean accepts(String fileName) {
        return fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson");
    }

    @Override
    public FileResult read(Path file, String displayPath, String text, String tenant) {
        List<Article> articles = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                articles.add(toArticle(parse(line), displayPath, tenant));
            } catch (SourceFormatException e) {
                problems.add(new SourceProblem(displayPath, i + 1, e.getMessage()));
            }
        }
        return new FileResult(articles, problems, 0);
    }

    private JsonNode parse(String line) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                throw new SourceFormatException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SourceFormatException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Article toArticle(JsonNode node, String displayPath, String tenant) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!KNOWN.contains(entry.getKey()) && entry.getValue().isValueNode()) {
                metadata.put(entry.getKey(), entry.getValue().asText());
            }
        });
        String locale = JsonFields.text(node, "lang");
        return new Article(
                tenant,
                JsonFields.text(node, "id"),
                JsonFields.text(node, "title"),
                JsonFields.text(node, "text"),
                locale != null ? locale : JsonFields.text(node, "locale"),
                Visibility.parse(JsonFields.text(node, "visibility")),
                JsonFields.text(node, "url"),
                JsonFields.strings(node, "labels"),
                JsonFields.text(node, "section"),
                JsonFields.text(node, "updated_at"),
                metadata,
                displayPath);
    }
}
