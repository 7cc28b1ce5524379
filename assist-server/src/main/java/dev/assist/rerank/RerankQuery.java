package dev.assist.rerank;

import java.util.Objects;

/**
 * What re-ranking scores passages against.
 *
 * @param searched the text retrieval searched with: the customer's message, plus the names and terms
 *     of earlier turns when the rewrite found that it refers back to them
 * @param asked the customer's message as written; whether a passage answers it is judged against
 *     this too, since the context a rewrite adds also matches passages about other things
 * @param language the question's language
 */
public record RerankQuery(String searched, String asked, String language) {
    public RerankQuery {
        Objects.requireNonNull(searched, "searched");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(language, "language");
    }

    /** A question that was searched as asked. */
    public static RerankQuery of(String question, String language) {
        return new RerankQuery(question, question, language);
    }

    public boolean rewritten() {
        return !searched.equals(asked);
    }
}
