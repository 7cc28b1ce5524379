package dev.assist.api;

import dev.assist.suggest.AgentNote;
import dev.assist.suggest.RelevantArticle;
import dev.assist.suggest.ReplyDraft;
import dev.assist.suggest.Suggestions;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/suggestions}: three reply drafts, the articles behind them, and
 * notes from internal articles that are for the agent only, and the ticket's triage with its routing.
 */
public record SuggestionsResponse(List<Draft> suggestions, List<Article> articles, List<Note> internalNotes,
                                  boolean grounded, String language, String query, Map<String, Double> timingsMs,
                                  TriageView triage) {

    public static SuggestionsResponse from(Suggestions suggestions, TriageView triage) {
        return new SuggestionsResponse(
                suggestions.drafts().stream().map(Draft::from).toList(),
                suggestions.articles().stream().map(Article::from).toList(),
                suggestions.notes().stream().map(Note::from).toList(),
                suggestions.grounded(), suggestions.language(), suggestions.query(), suggestions.timingsMs(), triage);
    }

    /** A reply draft: {@code kind} is concise, step_by_step or empathetic. */
    public record Draft(String kind, String text, List<AnswerResponse.CitationView> citations) {
        static Draft from(ReplyDraft draft) {
            return new Draft(draft.kind().wireName(), draft.text(), AnswerResponse.CitationView.all(draft.citations()));
        }
    }

    /** An article relevant to the ticket; {@code visibility} internal means: do not send the link to the customer. */
    public record Article(String articleId, String title, String url, String visibility, String language, String section,
                          double score, String snippet) {
        static Article from(RelevantArticle a) {
            return new Article(a.articleId(), a.title(), a.url(), a.visibility(), a.language(), a.section(), a.score(), a.snippet());
        }
    }

    /** A sentence from an internal article, for the agent. */
    public record Note(String text, String articleId, String title, String url) {
        static Note from(AgentNote note) {
            return new Note(note.text(), note.article().articleId(), note.article().title(), note.article().url());
        }
    }
}
