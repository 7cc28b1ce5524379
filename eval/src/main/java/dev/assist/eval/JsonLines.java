package dev.assist.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a JSONL file line by line. A bad line (not JSON, not an object, or rejected by the row
 * reader with an {@link IllegalArgumentException}) goes to a problem sink with its file and line
 * number; the strict form turns the first one into a {@link DatasetException}.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** Strict: the first bad line stops the read. */
    static void read(Path file, BiConsumer<Integer, JsonNode> row) {
        read(file, row, problem -> {
            throw new DatasetException(problem.toString());
        });
    }

    /** Lenient: every bad line is handed to {@code problems} and reading goes on. */
    static void read(Path file, BiConsumer<Integer, JsonNode> row, Consumer<DatasetProblem> problems) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": file not found");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    problems.accept(new DatasetProblem(file, number, "invalid JSON: " + e.getOriginalMessage()));
                    continue;
                }
                if (node == null || !node.isObject()) {
                    problems.accept(new DatasetProblem(file, number, "not a JSON object"));
                    continue;
                }
                try {
                    row.accept(number, node);
                } catch (IllegalArgumentException e) {
                    problems.accept(new DatasetProblem(file, number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value.asText();
    }
}
