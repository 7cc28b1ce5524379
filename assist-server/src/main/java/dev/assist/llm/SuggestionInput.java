package dev.assist.llm;

import dev.assist.conversation.Turn;

import java.util.List;
import java.util.Objects;

/**
 * What reply drafts for a support agent are written from: the customer's latest message, the
 * language to reply in (BCP 47; blank means the message's language), the earlier turns, and the
 * numbered passages (internal articles allowed: the reader is an agent).
 */
public record SuggestionInput(String customerMessage, String language, List<Turn> history,
                              List<NumberedPassage> passages) {

    public SuggestionInput {
        if (customerMessage == null || customerMessage.isBlank()) {
            throw new IllegalArgumentException("customerMessage must not be blank");
        }
        language = language == null ? "" : language.strip();
        history = List.copyOf(Objects.requireNonNullElse(history, List.of()));
        passages = List.copyOf(Objects.requireNonNullElse(passages, List.of()));
        GenerationInput.requireDistinctNumbers(passages);
    }
}
