package dev.assist.eval;

import dev.assist.conversation.Turn;
import dev.assist.retrieve.Channel;
import java.util.List;
import java.util.Set;

/**
 * One row of a golden set ({@code eval/datasets/*.jsonl}): a question as customers write it, who
 * asks, whether it can be answered on that channel, and the articles that answer it.
 */
public record GoldenQuestion(String id, String question, String lang, Channel channel, boolean answerable,
                             Set<String> relevantIds, String referenceAnswer, List<Turn> history, String split) {
    public GoldenQuestion {
        relevantIds = Set.copyOf(relevantIds);
        history = List.copyOf(history);
        if (answerable && relevantIds.isEmpty()) {
            throw new IllegalArgumentException("an answerable question needs relevant_ids");
        }
    }
}
