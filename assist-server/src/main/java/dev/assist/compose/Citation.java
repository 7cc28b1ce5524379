package dev.assist.compose;

/** An article an answer cites; {@code n} is the number of its {@code [n]} markers in the answer text. */
public record Citation(int n, String articleId, String title, String url, String snippet) {
}
