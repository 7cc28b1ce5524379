package dev.assist.triage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of {@link Triage}.
 *
 * @param languages the languages to choose between when a tenant has none configured (ISO 639-1)
 * @param tenantLanguages configured languages per tenant (a tenant without: see {@link #languagesOf})
 * @param language constants of the language identifier
 * @param embeddingCacheSize texts whose embeddings are kept (a repeated message is not embedded again)
 */
public record TriageConfig(Set<String> languages, Map<String, Set<String>> tenantLanguages, LanguageSettings language,
                           int embeddingCacheSize) {
    private static final String ENGLISH = "en";

    public TriageConfig {
        languages = Set.copyOf(languages);
        Map<String, Set<String>> perTenant = new HashMap<>();
        tenantLanguages.forEach((tenant, set) -> perTenant.put(tenant, Set.copyOf(set)));
        tenantLanguages = Map.copyOf(perTenant);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("configure at least one triage language");
        }
        for (Set<String> set : tenantLanguages.values()) {
            if (set.isEmpty()) {
                throw new IllegalArgumentException("a tenant's triage languages must not be empty");
            }
            checkLanguages(set);
        }
        checkLanguages(languages);
        if (embeddingCacheSize < 0) {
            throw new IllegalArgumentException("embeddingCacheSize must not be negative");
        }
    }

    /** English, German, French and Spanish: the languages of the sample help center. */
    public static TriageConfig defaults() {
        return new TriageConfig(Set.of("en", "de", "fr", "es"), Map.of(), LanguageSettings.defaults(), 10_000);
    }

    /**
     * The languages a tenant's conversations are identified among: its configured list; else the
     * languages of its articles that are in {@link #languages}, plus English when that is too, if
     * that makes at least two; else (no articles, or English ones only) {@link #languages}. Keeping
     * the default within the server-wide set means Lingua never loads a model that start-up did not.
     *
     * @param knowledgeBase the languages the tenant's articles are in now
     */
    public Set<String> languagesOf(String tenant, Set<String> knowledgeBase) {
        Set<String> configured = tenantLanguages.get(tenant);
        if (configured != null) {
            return configured;
        }
        Set<String> known = new TreeSet<>();
        for (String code : knowledgeBase) {
            if (languages.contains(code)) {
                known.add(code);
            }
        }
        if (languages.contains(ENGLISH)) {
            known.add(ENGLISH);
        }
        // One language leaves nothing to identify: an English-only help center still wants to know
        // (and route by) the language its customers write in.
        return known.size() < 2 ? languages : known;
    }

    /** Every language some tenant may be identified among: what Lingua needs loaded. */
    public Set<String> allLanguages() {
        Set<String> all = new TreeSet<>(languages);
        tenantLanguages.values().forEach(all::addAll);
        return all;
    }

    private static void checkLanguages(Set<String> set) {
        for (String code : set) {
            if (!LanguageIdentifier.supports(code)) {
                throw new IllegalArgumentException("language '" + code + "' is not an ISO 639-1 code the language detector knows");
            }
        }
    }
}
