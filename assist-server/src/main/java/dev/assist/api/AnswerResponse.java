package dev.assist.api;

import dev.assist.compose.ArticleRef;
import dev.assist.compose.Citation;
import dev.assist.compose.Composition;
import dev.assist.compose.Handoff;
import dev.assist.pipeline.Answer;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/answer}, and the {@code done} event of the stream.
 *
 * @param answer the answer text with {@code [n]} markers; empty when a hand-off is recommended
 * @param query the standalone question that was searched (the question rewritten with the history)
 * @param triage the conversation's triage (the history's customer turns and the question) and its routing
 */
public record AnswerResponse(String answerId, String answer, List<CitationView> citations, double confidence,
                             HandoffView handoff, String language, String mode, String query,
                             Map<String, Double> timingsMs, TriageView triage) {

    public static AnswerResponse from(Answer answer, TriageView triage) {
        Composition composition = answer.composition();
        return new AnswerResponse(answer.answerId(), composition.text(), CitationView.all(composition.citations()),
                round(composition.confidence()), HandoffView.from(composition.handoff()), answer.retrieval().language(),
                composition.mode().wireName(), answer.retrieval().query(), answer.timingsMs(), triage);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** An article an answer cites; {@code n} matches the {@code [n]} markers of the text. */
    public record CitationView(int n, String articleId, String title, String url, String snippet) {
        static List<CitationView> all(List<Citation> citations) {
            return citations.stream().map(c -> new CitationView(c.n(), c.articleId(), c.title(), c.url(), c.snippet())).toList();
        }
    }

    /** Whether to bring in a human; {@code reason} is null when not recommended. */
    public record HandoffView(boolean recommended, String reason, List<ArticleRefView> tried) {
        static HandoffView from(Handoff handoff) {
            return new HandoffView(handoff.recommended(), handoff.reason() == null ? null : handoff.reason().wireName(),
                    handoff.tried().stream().map(ArticleRefView::from).toList());
        }
    }

    /** An article by id, title and link. */
    public record ArticleRefView(String articleId, String title, String url) {
        static ArticleRefView from(ArticleRef ref) {
            return new ArticleRefView(ref.articleId(), ref.title(), ref.url());
        }
    }
}
