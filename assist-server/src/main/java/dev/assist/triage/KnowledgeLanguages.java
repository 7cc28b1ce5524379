package dev.assist.triage;

import java.util.Set;

/**
 * The languages a tenant's articles are in right now, which make its default triage languages
 * ({@link TriageConfig#languagesOf}). Called on every triage, so it must answer from memory.
 */
@FunctionalInterface
public interface KnowledgeLanguages {
    /** No knowledge base: every tenant without configured languages gets the server-wide set. */
    KnowledgeLanguages NONE = tenant -> Set.of();

    /** ISO 639-1 codes of the tenant's articles; empty when it has none. */
    Set<String> of(String tenant);
}
