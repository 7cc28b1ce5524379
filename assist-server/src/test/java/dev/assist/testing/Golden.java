package dev.assist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code eval/datasets/samples-golden.jsonl}. */
public final class Golden {
    private Golden() {
    }

    public record Row(String id, String question, String lang, String channel, boolean answerable,
                      List<String> relevantIds, List<Turn> history, String split) {
    }

    public static List<Row> rows() {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(SamplesIndex.repoRoot().resolve("eval/datasets/samples-golden.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> relevant = new ArrayList<>();
                node.path("relevant_ids").forEach(id -> relevant.add(id.asText()));
                List<Turn> history = new ArrayList<>();
                node.path("history").forEach(turn -> history.add(new Turn(Role.parse(turn.path("role").asText()), turn.path("text").asText())));
                rows.add(new Row(node.get("id").asText(), node.get("question").asText(), node.path("lang").asText(),
                        node.path("channel").asText(), node.path("answerable").asBoolean(), relevant, history,
                        node.path("split").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
