package dev.assist.eval;

import dev.assist.conversation.Turn;
import dev.assist.retrieve.Channel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question of any dataset, in the form every run takes: who asks, the conversation so far,
 * what is relevant, what a good answer says, and whether it should be handed off.
 *
 * @param lang the question's language as the dataset gives it
 * @param locale sent with the request (public retrieval sets give it; golden questions leave it to detection)
 * @param grades relevance grade per article or document id (empty when the dataset has no retrieval labels)
 * @param references reference answers (any of them counts)
 * @param labels breakdown labels the dataset carries (domain, intent, split, source ...)
 */
public record EvalCase(String id, String question, String lang, Channel channel, List<Turn> history,
                       Optional<String> locale, Map<String, Integer> grades, List<String> references,
                       Expectation expectation, Map<String, String> labels) {
    public EvalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(expectation, "expectation");
        lang = lang == null || lang.isBlank() ? "und" : lang;
        history = List.copyOf(history);
        grades = Map.copyOf(grades);
        references = List.copyOf(references);
        labels = Map.copyOf(labels);
    }

    /** Ids with a grade above 0. */
    public Set<String> relevant() {
        return grades.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when retrieval metrics apply to this case. */
    public boolean judged() {
        return grades.values().stream().anyMatch(g -> g > 0);
    }
}
