package dev.assist.api;

import java.util.List;

/**
 * The body of {@code POST /v1/route}: a conversation to triage and route ({@code text} or
 * {@code messages}, as for {@code POST /v1/triage}), or a {@code triage} computed before.
 *
 * @param customerTier standard (default), premium or enterprise
 * @param waitedSeconds how long the conversation has waited for an agent; the longer, the wider the search
 */
public record RouteRequestBody(String text, List<TurnBody> messages, String locale, TriageView triage,
                               String customerTier, Integer waitedSeconds) {
}
