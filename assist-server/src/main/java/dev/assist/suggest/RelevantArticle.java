package dev.assist.suggest;

/** An article that bears on the ticket, for the agent to open; internal ones are for the agent's eyes only. */
public record RelevantArticle(String articleId, String title, String url, String visibility, String language,
                              String section, double score, String snippet) {
}
