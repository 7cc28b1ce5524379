package dev.assist.api;

import java.util.List;

/**
 * The body of {@code PUT /v1/articles/{id}}. {@code body} is Markdown (it may start with YAML front
 * matter, as an article file does) or, with {@code format: html}, an HTML page; the other fields,
 * when given, win over what the body itself says.
 */
public record ArticleRequestBody(String title, String body, String locale, String visibility, String section,
                                 List<String> labels, String url, String updatedAt, String format) {
}
