package dev.assist.api;

import dev.assist.pipeline.Answer;
import java.util.List;

/** The payloads of the {@code POST /v1/answer/stream} events other than {@code done} and {@code error}. */
public final class AnswerEvents {
    private AnswerEvents() {
    }

    /** First event: what the answer will cite, before its text. */
    public record Meta(String answerId, String language, String query, List<AnswerResponse.CitationView> citations) {
        static Meta from(Answer answer) {
            return new Meta(answer.answerId(), answer.retrieval().language(), answer.retrieval().query(),
                    AnswerResponse.CitationView.all(answer.composition().citations()));
        }

        /**
         * Before a generated answer exists: the passages it may cite, numbered as the model sees
         * them ({@code [n]} in the deltas); {@code done} then lists the ones it did cite.
         */
        static Meta sources(String answerId, dev.assist.pipeline.Retrieval retrieval) {
            List<AnswerResponse.CitationView> sources = new java.util.ArrayList<>();
            var passages = retrieval.passages();
            for (int i = 0; i < passages.size(); i++) {
                var p = passages.get(i).passage();
                sources.add(new AnswerResponse.CitationView(i + 1, p.articleId(), p.title(), p.chunk().url(),
                        dev.assist.compose.SentenceText.shorten(p.text(), 240)));
            }
            return new Meta(answerId, retrieval.language(), retrieval.query(), sources);
        }
    }

    /** A piece of the answer text; the pieces in order make the whole text. */
    public record Delta(String text) {
    }
}
