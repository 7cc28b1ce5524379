package dev.assist.api;

/** The body of {@code /healthz} and of a ready {@code /readyz}. */
public record HealthResponse(String status) {
}
