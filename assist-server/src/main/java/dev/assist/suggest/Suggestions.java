package dev.assist.suggest;

import java.util.List;
import java.util.Map;

/**
 * What the agent sidebar shows for a ticket.
 *
 * @param grounded false when no public article matched: the drafts then only acknowledge and ask, they answer nothing
 * @param notes internal guidance for the agent, kept out of the drafts
 */
public record Suggestions(String query, String language, List<ReplyDraft> drafts, List<RelevantArticle> articles,
                          List<AgentNote> notes, boolean grounded, Map<String, Double> timingsMs) {
    public Suggestions {
        drafts = List.copyOf(drafts);
        articles = List.copyOf(articles);
        notes = List.copyOf(notes);
        timingsMs = Map.copyOf(timingsMs);
    }
}
