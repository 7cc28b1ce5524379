package dev.assist.llm;

import java.util.Objects;

/**
 * A retrieved passage as the model sees it: the number {@code n} is what the model cites as
 * {@code [n]}, and what {@link GeneratedAnswer#citedNumbers()} maps back to the article.
 */
public record NumberedPassage(int n, String articleId, String title, String text) {

    public NumberedPassage {
        if (n < 1) {
            throw new IllegalArgumentException("passage number must be positive; got " + n);
        }
        Objects.requireNonNull(articleId, "articleId");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
    }
}
