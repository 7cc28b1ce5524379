package dev.assist.llm;

import java.util.List;
import java.util.Objects;

/**
 * A generated answer: its text with {@code [n]} markers (only for passages that were given),
 * the cited passage numbers in order of first citation, and whether the model declined because
 * the passages do not answer the question (then the text is empty and the caller hands off).
 */
public record GeneratedAnswer(String text, List<Integer> citedNumbers, boolean declined) {

    public GeneratedAnswer {
        Objects.requireNonNull(text, "text");
        citedNumbers = List.copyOf(citedNumbers);
    }

    /** The model's "the passages don't cover this". */
    public static GeneratedAnswer decline() {
        return new GeneratedAnswer("", List.of(), true);
    }
}
