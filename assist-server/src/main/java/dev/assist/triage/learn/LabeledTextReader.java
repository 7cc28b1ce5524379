package dev.assist.triage.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads labelled JSONL ({@code {"text": ..., "label": ...}} per line, other fields ignored). Blank lines
 * are skipped; any other bad line stops the read with {@code FILE:LINE: reason}, because a model
 * trained on silently dropped rows is worse than no model.
 */
public final class LabeledTextReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabeledTextReader() {
    }

    public static List<LabeledText> read(Path file) {
        return read(file, row -> true, Optional.empty());
    }

    /**
     * Rows of {@code file} that {@code filter} keeps (it sees the raw JSON object); when {@code allowedLabels}
     * is given, a row whose label is not in it is an error.
     */
    public static List<LabeledText> read(Path file, Predicate<JsonNode> filter, Optional<Set<String>> allowedLabels) {
        if (!Files.isRegularFile(file)) {
            throw new TrainingDataException(file + ": no such file");
        }
        List<LabeledText> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parse(file, number, line);
                if (!filter.test(row)) {
                    continue;
                }
                LabeledText example = example(file, number, row);
                if (allowedLabels.isPresent() && !allowedLabels.get().contains(example.label())) {
                    throw new TrainingDataException(file + ":" + number + ": unknown label '" + example.label()
                            + "' (not in the label list)");
                }
                rows.add(example);
            }
        } catch (CharacterCodingException e) {
            throw new TrainingDataException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new TrainingDataException(file + ": no labelled rows");
        }
        return rows;
    }

    /** The labels of a {@code labels.jsonl} file ({@code {"label": ...}} per line). */
    public static Set<String> readLabels(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TrainingDataException(file + ": no such file");
        }
        java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode row = parse(file, i + 1, lines.get(i));
                try {
                    labels.add(Labels.require(row.path("label").asText(null)));
                } catch (IllegalArgumentException e) {
                    throw new TrainingDataException(file + ":" + (i + 1) + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return labels;
    }

    private static JsonNode parse(Path file, int number, String line) {
        try {
            JsonNode row = JSON.readTree(line);
            if (row == null || !row.isObject()) {
                throw new TrainingDataException(file + ":" + number + ": not a JSON object");
            }
            return row;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TrainingDataException(file + ":" + number + ": malformed JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private static LabeledText example(Path file, int number, JsonNode row) {
        JsonNode text = row.get("text");
        JsonNode label = row.get("label");
        if (text == null || !text.isTextual()) {
            throw new TrainingDataException(file + ":" + number + ": \"text\" is missing or not a string");
        }
        if (label == null || !label.isTextual()) {
            throw new TrainingDataException(file + ":" + number + ": \"label\" is missing or not a string");
        }
        try {
            return new LabeledText(text.asText(), label.asText());
        } catch (IllegalArgumentException e) {
            throw new TrainingDataException(file + ":" + number + ": " + e.getMessage());
        }
    }
}
