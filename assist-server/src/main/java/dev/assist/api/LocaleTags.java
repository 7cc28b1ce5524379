package dev.assist.api;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Locales clients may send: well-formed BCP 47 tags ({@code de}, {@code de-AT}, {@code pt-BR};
 * {@code de_AT} is read as {@code de-AT}) whose primary language is an ISO 639-1 code.
 */
final class LocaleTags {
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private LocaleTags() {
    }

    /** The tag in canonical form; empty when none was sent. */
    static Optional<String> parse(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String normalized = tag.strip().replace('_', '-');
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(normalized).build();
        } catch (IllformedLocaleException e) {
            throw unknown(tag, field);
        }
        if (locale.getLanguage().length() != 2 || !ISO_639_1.contains(locale.getLanguage())) {
            throw unknown(tag, field);
        }
        return Optional.of(locale.toLanguageTag());
    }

    private static ApiProblem unknown(String tag, String field) {
        String shown = tag.length() > 40 ? tag.substring(0, 40) + "..." : tag;
        return ApiProblem.badRequest("unknown-locale", field + " '" + shown
                + "' is not a known locale; send a BCP 47 tag whose language is an ISO 639-1 code, such as en, de or pt-BR");
    }
}
