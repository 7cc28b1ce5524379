package dev.assist.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the YAML front matter block of a Markdown file and the typed fields an article needs. */
final class FrontMatter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode fields;

    private FrontMatter(JsonNode fields) {
        this.fields = fields;
    }

    /** Splits {@code ---\nyaml\n---\nbody}; a file without front matter is a format error. */
    static Split split(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new SourceFormatException("no YAML front matter (the file must start with a '---' line)");
        }
        int end = normalized.indexOf("\n---", 3);
        if (end < 0) {
            throw new SourceFormatException("front matter is not closed by a '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        int bodyStart = normalized.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1);
        return new Split(parse(yaml), body);
    }

    private static FrontMatter parse(String yaml) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (Exception e) {
            throw new SourceFormatException("invalid YAML in front matter: " + firstLine(e.getMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new SourceFormatException("front matter is not a YAML mapping of keys to values");
        }
        return new FrontMatter(node);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    String text(String key) {
        JsonNode value = fields.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new SourceFormatException("front matter field '" + key + "' must be a single value");
        }
        return value.asText();
    }

    List<String> list(String key) {
        JsonNode value = fields.get(key);
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(item -> items.add(item.asText().strip()));
        } else {
            for (String part : value.asText().split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }

    /** Fields that are not part of {@link Article}'s own, kept as metadata. */
    Map<String, String> extras(List<String> known) {
        Map<String, String> extras = new LinkedHashMap<>();
        fields.fields().forEachRemaining(entry -> {
            if (!known.contains(entry.getKey()) && entry.getValue().isValueNode()) {
                extras.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return extras;
    }

    record Split(FrontMatter frontMatter, String body) {
    }
}
