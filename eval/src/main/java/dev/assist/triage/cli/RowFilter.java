package dev.assist.triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Which JSONL rows a command reads: kept labels and {@code FIELD=VALUE} / {@code FIELD!=VALUE} conditions. */
final class RowFilter {
    private RowFilter() {
    }

    static Predicate<JsonNode> of(Optional<Set<String>> keepLabels, List<String> conditions) {
        Predicate<JsonNode> filter = row -> keepLabels.isEmpty() || keepLabels.get().contains(row.path("label").asText());
        for (String condition : conditions == null ? List.<String>of() : conditions) {
            filter = filter.and(condition(condition));
        }
        return filter;
    }

    private static Predicate<JsonNode> condition(String condition) {
        int not = condition.indexOf("!=");
        if (not > 0) {
            String field = condition.substring(0, not);
            String value = condition.substring(not + 2);
            return row -> !value.equals(row.path(field).asText());
        }
        int eq = condition.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--where '" + condition + "' is not FIELD=VALUE or FIELD!=VALUE");
        }
        String field = condition.substring(0, eq);
        Set<String> values = Set.of(condition.substring(eq + 1).split(","));
        return row -> values.contains(row.path(field).asText());
    }
}
