package dev.assist.api;

/** The body of {@code POST /v1/search}; {@code limit} defaults to 5, at most 20. */
public record SearchRequestBody(String query, String locale, Integer limit) {
}
