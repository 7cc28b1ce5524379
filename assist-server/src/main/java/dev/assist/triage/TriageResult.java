package dev.assist.triage;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Triage of a conversation: its language, the intent of the customer's last message (the decided
 * label, which may be {@code out_of_scope}, and the top three with probabilities), sentiment,
 * escalation signals with the evidence for each, and the priority they imply.
 */
public record TriageResult(LanguageGuess language, String intent, List<IntentScore> intents, Sentiment sentiment,
                           Set<Signal> signals, List<SignalHit> evidence, Priority priority) {
    public TriageResult {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(priority, "priority");
        intents = List.copyOf(intents);
        signals = Set.copyOf(signals);
        evidence = List.copyOf(evidence);
    }
}
