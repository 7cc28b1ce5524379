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
    }

    /** A piece of the answer text; the pieces in order make the whole text. */
    public record Delta(String text) {
    }
}
