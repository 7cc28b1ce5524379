package dev.assist.routing;

import dev.assist.triage.LanguageGuess;
import dev.assist.triage.Priority;
import dev.assist.triage.TriageResult;
import java.time.Duration;
import java.util.Objects;

/**
 * A conversation to route: its intent and language (usually from triage), the priority triage gave
 * it, the customer's tier, and how long it has waited so far (zero for a new conversation).
 */
public record RouteRequest(String tenant, String intent, String language, Priority priority, CustomerTier tier,
                           Duration waited) {
    public RouteRequest {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is missing");
        }
        if (intent == null || intent.isBlank()) {
            throw new IllegalArgumentException("intent is missing");
        }
        language = language == null || language.isBlank() ? LanguageGuess.UNDETERMINED : language;
        Objects.requireNonNull(priority, "priority");
        tier = tier == null ? CustomerTier.STANDARD : tier;
        waited = waited == null ? Duration.ZERO : waited;
        if (waited.isNegative()) {
            throw new IllegalArgumentException("waited must not be negative");
        }
    }

    public static RouteRequest of(String tenant, TriageResult triage, CustomerTier tier) {
        return new RouteRequest(tenant, triage.intent(), triage.language().language(), triage.priority(), tier, Duration.ZERO);
    }

    public RouteRequest afterWaiting(Duration newWaited) {
        return new RouteRequest(tenant, intent, language, priority, tier, newWaited);
    }
}
