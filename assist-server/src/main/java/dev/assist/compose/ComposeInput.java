package dev.assist.compose;

import dev.assist.rerank.ScoredPassage;
import java.util.List;

/** What a composer works from: the (standalone) question, the answer language and the ranked passages. */
public record ComposeInput(String question, String language, List<ScoredPassage> passages) {
    public ComposeInput {
        passages = List.copyOf(passages);
    }
}
