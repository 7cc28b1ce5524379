package dev.assist.triage;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of {@link Triage}.
 *
 * @param languages the languages to choose between when a tenant has none configured (ISO 639-1)
 * @param tenantLanguages languages per tenant (default: those its knowledge base has, plus English)
 * @param language constants of the language identifier
 * @param embeddingCacheSize texts whose embeddings are kept (a repeated message is not embedded again)
 */
public record TriageConfig(Set<String> languages, Map<String, Set<String>> tenantLanguages, LanguageSettings language,
                           int embeddingCacheSize) {
    public TriageConfig {
        languages = Set.copyOf(languages);
        tenantLanguages = Map.copyOf(tenantLanguages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("configure at least one triage language");
        }
        for (Set<String> set : tenantLanguages.values()) {
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

    public Set<String> languagesOf(String tenant) {
        return tenantLanguages.getOrDefault(tenant, languages);
    }

    /** The knowledge base's languages plus English, as the issue asks for a tenant's default. */
    public TriageConfig withTenant(String tenant, Set<String> knowledgeBaseLanguages) {
        Set<String> set = new TreeSet<>(knowledgeBaseLanguages);
        set.add("en");
        Map<String, Set<String>> map = new java.util.HashMap<>(tenantLanguages);
        map.put(tenant, set);
        return new TriageConfig(languages, map, language, embeddingCacheSize);
    }

    private static void checkLanguages(Set<String> set) {
        for (String code : set) {
            if (!LanguageIdentifier.supports(code)) {
                throw new IllegalArgumentException("language '" + code + "' is not an ISO 639-1 code the language detector knows");
            }
        }
    }
}
