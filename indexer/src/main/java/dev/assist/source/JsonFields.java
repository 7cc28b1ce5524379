package dev.assist.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small typed reads of JSON fields shared by the JSON-based readers. */
final class JsonFields {
    private JsonFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new SourceFormatException("field '" + field + "' must be a string or number");
        }
        return value.asText();
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> items = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value != null && value.isArray()) {
            value.forEach(item -> items.add(item.asText()));
        }
        return items;
    }
}
