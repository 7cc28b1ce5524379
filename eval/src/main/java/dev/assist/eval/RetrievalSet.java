package dev.assist.eval;

import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A public retrieval set in the shared layout: {@code corpus.jsonl}, {@code queries.jsonl}
 * (id, text, lang, optional context turns) and {@code qrels.jsonl} (query_id, doc_id, relevance).
 */
public record RetrievalSet(String name, Path corpus, List<Query> queries) {

    /** A query with its conversation context and relevant document ids. */
    public record Query(String id, String text, String lang, List<Turn> context, Set<String> relevant) {
    }

    public static RetrievalSet read(Path dir) {
        Map<String, Set<String>> qrels = new HashMap<>();
        JsonLines.read(dir.resolve("qrels.jsonl"), (line, node) -> {
            if (node.path("relevance").asInt(1) > 0) {
                qrels.computeIfAbsent(JsonLines.text(node, "query_id"), k -> new HashSet<>()).add(JsonLines.text(node, "doc_id"));
            }
        });
        List<Query> queries = new ArrayList<>();
        JsonLines.read(dir.resolve("queries.jsonl"), (line, node) -> {
            String id = JsonLines.text(node, "id");
            List<Turn> context = new ArrayList<>();
            node.path("context").forEach(turn -> context.add(new Turn(
                    "user".equals(turn.path("speaker").asText()) ? Role.CUSTOMER : Role.ASSISTANT, turn.path("text").asText())));
            Set<String> relevant = qrels.getOrDefault(id, Set.of());
            if (!relevant.isEmpty()) {
                queries.add(new Query(id, JsonLines.text(node, "text"), node.path("lang").asText("en"), context, relevant));
            }
        });
        return new RetrievalSet(dir.getFileName().toString(), dir.resolve("corpus.jsonl"), queries);
    }

    /** Every n-th query, so a benchmark can bound its run time and still cover every language. */
    public RetrievalSet sample(int maxQueries) {
        if (queries.size() <= maxQueries) {
            return this;
        }
        double step = (double) queries.size() / maxQueries;
        List<Query> sampled = new ArrayList<>();
        for (int i = 0; i < maxQueries; i++) {
            sampled.add(queries.get((int) (i * step)));
        }
        return new RetrievalSet(name, corpus, sampled);
    }
}
