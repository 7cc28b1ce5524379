package dev.assist.llm;

import dev.assist.conversation.Turn;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an answer is generated from: the customer's question, the language to answer in
 * (BCP 47, e.g. {@code "de"}; blank means "the question's language"), the earlier turns and
 * the numbered passages the answer may use.
 */
public record GenerationInput(String question, String language, List<Turn> history,
                              List<NumberedPassage> passages) {

    public GenerationInput {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        language = language == null ? "" : language.strip();
        history = List.copyOf(Objects.requireNonNullElse(history, List.of()));
        passages = List.copyOf(Objects.requireNonNullElse(passages, List.of()));
        requireDistinctNumbers(passages);
    }

    static void requireDistinctNumbers(List<NumberedPassage> passages) {
        Set<Integer> seen = new HashSet<>();
        for (NumberedPassage p : passages) {
            if (!seen.add(p.n())) {
                throw new IllegalArgumentException("passage number " + p.n() + " is used twice");
            }
        }
    }
}
