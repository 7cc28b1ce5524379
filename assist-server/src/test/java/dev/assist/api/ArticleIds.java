package dev.assist.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every {@code article_id} anywhere in a JSON document: what an isolation test must check, wherever a route puts ids. */
final class ArticleIds {
    private ArticleIds() {
    }

    static List<String> in(JsonNode node) {
        List<String> ids = new ArrayList<>();
        collect(node, ids);
        return ids;
    }

    private static void collect(JsonNode node, List<String> ids) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("article_id")) {
                    ids.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), ids);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, ids));
        }
    }
}
