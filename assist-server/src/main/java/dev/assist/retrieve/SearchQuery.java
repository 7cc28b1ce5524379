package dev.assist.retrieve;

import java.util.List;
import java.util.Objects;

/**
 * What to retrieve: the question, and the filters every result must pass inside Lucene.
 *
 * @param languages languages whose articles may answer, most preferred first (the customer's, then fallbacks)
 * @param limit how many candidates to return
 */
public record SearchQuery(String tenant, String text, List<String> languages, Channel channel, int limit) {
    public SearchQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("query text is empty");
        }
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public SearchQuery withText(String newText) {
        return new SearchQuery(tenant, newText, languages, channel, limit);
    }

    public SearchQuery withLimit(int newLimit) {
        return new SearchQuery(tenant, text, languages, channel, newLimit);
    }
}
