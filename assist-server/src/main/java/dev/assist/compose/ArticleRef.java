package dev.assist.compose;

/** An article by id, title and link: what a hand-off shows the agent it tried. */
public record ArticleRef(String articleId, String title, String url) {
}
