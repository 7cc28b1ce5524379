package dev.assist.text;

import java.util.Optional;

/** Names the language of a text as an ISO 639-1 code, or says it cannot tell. */
@FunctionalInterface
public interface LanguageDetector {
    Optional<String> detect(String text);
}
