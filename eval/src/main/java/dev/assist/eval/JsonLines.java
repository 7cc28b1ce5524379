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

/** Reads a JSONL file line by line; a bad line is an error naming the file and line. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static void read(Path file, BiConsumer<Integer, JsonNode> row) {
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
                    throw new DatasetException(file + ":" + number + ": invalid JSON: " + e.getOriginalMessage(), e);
                }
                if (!node.isObject()) {
                    throw new DatasetException(file + ":" + number + ": not a JSON object");
                }
                try {
                    row.accept(number, node);
                } catch (IllegalArgumentException e) {
                    throw new DatasetException(file + ":" + number + ": " + e.getMessage(), e);
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
