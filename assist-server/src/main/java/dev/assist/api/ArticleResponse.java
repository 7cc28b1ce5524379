package dev.assist.api;

/** The body of a successful {@code PUT /v1/articles/{id}}: what was written, and whether it was new. */
public record ArticleResponse(String articleId, String language, String visibility, int chunks, boolean created) {
}
