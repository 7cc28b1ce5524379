package dev.assist.pipeline;

import dev.assist.compose.Composition;
import java.util.Map;

/** A composed answer with what it was made from and how long each stage took. */
public record Answer(String answerId, Retrieval retrieval, Composition composition, Map<String, Double> timingsMs) {
    public Answer {
        timingsMs = Map.copyOf(timingsMs);
    }
}
