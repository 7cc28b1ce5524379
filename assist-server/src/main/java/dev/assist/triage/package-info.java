/**
 * Conversation triage: language, intent, sentiment, escalation signals and priority.
 *
 * <p>Contract for callers (the HTTP layer maps {@link java.lang.IllegalArgumentException} to 400 and
 * {@link dev.assist.triage.learn.IncompatibleModelException} at start-up to a clear failure):
 * <ul>
 *   <li>Build once: {@code Triage.withBundledModels(embedder, TriageConfig.defaults())}, or
 *       {@code new Triage(embedder, config, ModelSource.file(path, embedder.modelId()), ...)} for
 *       trained model files; {@code ModelReloader.start(triage, Duration.ofSeconds(10), log::warn)}
 *       picks up retrained files. The server passes a {@link dev.assist.triage.KnowledgeLanguages}
 *       too, so each tenant is identified among its own languages ({@code TriageConfig.languagesOf}).</li>
 *   <li>Per request: {@code triage.triage(new TriageRequest(messages, locale, tenant))} returns a
 *       {@link dev.assist.triage.TriageResult}. Requests validate themselves: no messages, no
 *       customer message, a blank text, a text over 100 KB ({@link dev.assist.triage.TextLimits}),
 *       more than 200 messages or a malformed locale throw IllegalArgumentException with a message
 *       meant for the client.</li>
 *   <li>Thread-safe; one instance serves all requests. One message costs one embedding (cached by
 *       text), one Lingua call per customer turn, and two small linear models.</li>
 * </ul>
 *
 * <p>Model files ({@link dev.assist.triage.learn.ModelFile}) are written by {@code ./assist train};
 * their header records the embedding model they need, and loading them with another fails.
 */
package dev.assist.triage;
