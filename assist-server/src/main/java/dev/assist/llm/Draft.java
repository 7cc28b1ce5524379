package dev.assist.llm;

import java.util.List;
import java.util.Objects;

/** One reply draft for an agent: its tone (e.g. "concise"), its text with [n] markers, and the cited passages. */
public record Draft(String tone, String text, List<Integer> citedNumbers) {

    public Draft {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(text, "text");
        citedNumbers = List.copyOf(citedNumbers);
    }
}
