package dev.assist.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.retrieve.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Reads a golden set; every row is validated and a bad one names its file and line. */
public final class GoldenSet {
    private GoldenSet() {
    }

    /** Strict: the first bad row is a {@link DatasetException}. */
    public static List<GoldenQuestion> read(Path file) {
        return read(file, problem -> {
            throw new DatasetException(problem.toString());
        });
    }

    /** Lenient: bad rows (and repeated ids) go to {@code problems}; the others are returned. */
    public static List<GoldenQuestion> read(Path file, Consumer<DatasetProblem> problems) {
        List<GoldenQuestion> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonLines.read(file, (line, node) -> {
            GoldenQuestion row = parse(node);
            if (!ids.add(row.id())) {
                throw new IllegalArgumentException("duplicate id '" + row.id() + "'");
            }
            rows.add(row);
        }, problems);
        return rows;
    }

    /** Only the rows of one split ({@code dev} or {@code test}); {@code all} or null keeps every row. */
    public static List<GoldenQuestion> split(List<GoldenQuestion> rows, String split) {
        if (split == null || split.equals("all")) {
            return rows;
        }
        return rows.stream().filter(row -> row.split().equals(split)).toList();
    }

    private static GoldenQuestion parse(JsonNode node) {
        Set<String> relevant = new LinkedHashSet<>();
        node.path("relevant_ids").forEach(id -> relevant.add(id.asText()));
        List<Turn> history = new ArrayList<>();
        node.path("history").forEach(turn -> history.add(new Turn(Role.parse(turn.path("role").asText()), turn.path("text").asText())));
        JsonNode answerable = node.get("answerable");
        if (answerable == null || !answerable.isBoolean()) {
            throw new IllegalArgumentException("'answerable' must be true or false");
        }
        return new GoldenQuestion(
                JsonLines.text(node, "id"),
                JsonLines.text(node, "question"),
                node.path("lang").asText("en"),
                Channel.parse(node.path("channel").asText("bot")),
                answerable.asBoolean(),
                relevant,
                node.path("reference_answer").asText(""),
                history,
                node.path("split").asText("all"));
    }
}
