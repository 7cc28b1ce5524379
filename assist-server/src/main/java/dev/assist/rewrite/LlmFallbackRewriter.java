package dev.assist.rewrite;

import dev.assist.conversation.Turn;
import dev.assist.llm.LlmQueryRewriter;
import dev.assist.llm.LlmUnavailableException;
import java.util.List;

/** Rewrites with the language model when there is history to resolve; the deterministic rewrite when the model fails. */
public final class LlmFallbackRewriter implements QueryRewriter {
    private final LlmQueryRewriter model;
    private final QueryRewriter fallback;

    public LlmFallbackRewriter(LlmQueryRewriter model, QueryRewriter fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String rewrite(List<Turn> history, String question, String language) {
        if (history.isEmpty()) {
            return question;
        }
        try {
            return model.rewrite(history, question);
        } catch (LlmUnavailableException e) {
            return fallback.rewrite(history, question, language);
        }
    }
}
