package dev.assist.compose;

import dev.assist.conversation.Turn;
import dev.assist.rerank.ScoredPassage;
import java.util.List;

/**
 * What a composer works from: the (standalone) question, the answer language, the ranked
 * passages and the conversation before the question.
 */
public record ComposeInput(String question, String language, List<ScoredPassage> passages, List<Turn> history) {
    public ComposeInput {
        passages = List.copyOf(passages);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public ComposeInput(String question, String language, List<ScoredPassage> passages) {
        this(question, language, passages, List.of());
    }
}
