package dev.assist.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A public retrieval set in the shared layout: {@code corpus.jsonl}, {@code queries.jsonl}
 * (id, text, lang, optional context turns), {@code qrels.jsonl} (query_id, doc_id, relevance),
 * and optionally {@code answers.jsonl} (query_id, answer or answers) and {@code detection.jsonl}
 * (id, text, context, label: does this turn need the knowledge base?).
 *
 * @param detection the turns of {@code detection.jsonl}; empty when the set has none
 */
public record RetrievalSet(String name, Path corpus, List<Query> queries, List<DetectionTurn> detection) {

    public RetrievalSet {
        queries = List.copyOf(queries);
        detection = List.copyOf(detection);
    }

    public RetrievalSet(String name, Path corpus, List<Query> queries) {
        this(name, corpus, queries, List.of());
    }

    /**
     * A query with its conversation context, graded relevance and reference answers.
     *
     * @param grades relevance grade per document id; only grades above 0 count as relevant
     * @param labels scalar fields of the query row that are not part of the schema (domain, intent ...)
     */
    public record Query(String id, String text, String lang, List<Turn> context, Map<String, Integer> grades,
                        List<String> references, Map<String, String> labels) {
        public Query {
            context = List.copyOf(context);
            grades = Map.copyOf(grades);
            references = List.copyOf(references);
            labels = Map.copyOf(labels);
        }

        public Query(String id, String text, String lang, List<Turn> context, Set<String> relevant) {
            this(id, text, lang, context, relevant.stream().collect(Collectors.toMap(d -> d, d -> 1)), List.of(), Map.of());
        }

        /** Ids of the documents with a grade above 0. */
        public Set<String> relevant() {
            return grades.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** A turn of {@code detection.jsonl}: {@code needsKnowledge} is its label {@code knowledge_seeking}. */
    public record DetectionTurn(String id, String text, String lang, List<Turn> context, boolean needsKnowledge) {
        public DetectionTurn {
            context = List.copyOf(context);
        }
    }

    private static final Set<String> QUERY_FIELDS = Set.of("id", "text", "lang", "context", "nbest", "parallel_id");

    /** Strict: the first bad line is a {@link DatasetException}. */
    public static RetrievalSet read(Path dir) {
        return read(dir, problem -> {
            throw new DatasetException(problem.toString());
        });
    }

    /** Lenient: bad lines go to {@code problems}; queries without relevant documents are left out. */
    public static RetrievalSet read(Path dir, Consumer<DatasetProblem> problems) {
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        JsonLines.read(dir.resolve("qrels.jsonl"), (line, node) -> {
            int grade = node.path("relevance").asInt(1);
            qrels.computeIfAbsent(JsonLines.text(node, "query_id"), k -> new LinkedHashMap<>())
                    .put(JsonLines.text(node, "doc_id"), grade);
        }, problems);
        Map<String, List<String>> answers = new HashMap<>();
        Path answersFile = dir.resolve("answers.jsonl");
        if (Files.isRegularFile(answersFile)) {
            JsonLines.read(answersFile, (line, node) -> answers.put(JsonLines.text(node, "query_id"), references(node)), problems);
        }
        List<Query> queries = new ArrayList<>();
        JsonLines.read(dir.resolve("queries.jsonl"), (line, node) -> {
            String id = JsonLines.text(node, "id");
            Map<String, Integer> grades = qrels.getOrDefault(id, Map.of());
            if (grades.values().stream().anyMatch(g -> g > 0)) {
                queries.add(new Query(id, JsonLines.text(node, "text"), node.path("lang").asText("en"), context(node),
                        grades, answers.getOrDefault(id, List.of()), labels(node)));
            }
        }, problems);
        List<DetectionTurn> detection = new ArrayList<>();
        Path detectionFile = dir.resolve("detection.jsonl");
        if (Files.isRegularFile(detectionFile)) {
            JsonLines.read(detectionFile, (line, node) -> {
                String label = JsonLines.text(node, "label");
                if (!label.equals("knowledge_seeking") && !label.equals("other")) {
                    throw new IllegalArgumentException("label must be knowledge_seeking or other, got '" + label + "'");
                }
                detection.add(new DetectionTurn(JsonLines.text(node, "id"), JsonLines.text(node, "text"),
                        node.path("lang").asText("en"), context(node), label.equals("knowledge_seeking")));
            }, problems);
        }
        return new RetrievalSet(dir.getFileName().toString(), dir.resolve("corpus.jsonl"), queries, detection);
    }

    private static List<Turn> context(JsonNode node) {
        List<Turn> context = new ArrayList<>();
        node.path("context").forEach(turn -> context.add(new Turn(
                "user".equals(turn.path("speaker").asText()) ? Role.CUSTOMER : Role.ASSISTANT, turn.path("text").asText())));
        return context;
    }

    private static List<String> references(JsonNode node) {
        List<String> references = new ArrayList<>();
        if (node.path("answer").isTextual()) {
            references.add(node.get("answer").asText());
        }
        node.path("answers").forEach(a -> {
            if (a.isTextual() && !a.asText().isBlank()) {
                references.add(a.asText());
            }
        });
        if (references.isEmpty()) {
            throw new IllegalArgumentException("missing 'answer' or 'answers'");
        }
        return references;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!QUERY_FIELDS.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        });
        return labels;
    }

    /** This set without the queries of {@code other} (by id): what is left for fitting when {@code other} is reported. */
    public RetrievalSet without(RetrievalSet other) {
        Set<String> ids = other.queries.stream().map(Query::id).collect(Collectors.toSet());
        return new RetrievalSet(name, corpus, queries.stream().filter(q -> !ids.contains(q.id())).toList(), detection);
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
        return new RetrievalSet(name, corpus, sampled, detection);
    }
}
