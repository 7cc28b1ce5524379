package dev.assist.compose;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence that tells a customer, in their language, that the answer quotes articles written in
 * another one. Without a language model an extractive answer cannot translate; it should not pretend.
 */
public final class SourceLanguageNotice {
    private static final String RESOURCE = "/dev/assist/compose/source-language-notice.yaml";
    private static final String FALLBACK = "en";
    private final Map<String, String> byLanguage;

    public SourceLanguageNotice(Map<String, String> byLanguage) {
        if (!byLanguage.containsKey(FALLBACK)) {
            throw new IllegalArgumentException("the source-language notice needs an English sentence");
        }
        byLanguage.forEach((language, sentence) -> {
            if (!sentence.contains("{language}")) {
                throw new IllegalArgumentException("the source-language notice for '" + language + "' lacks {language}");
            }
        });
        this.byLanguage = Map.copyOf(byLanguage);
    }

    public static SourceLanguageNotice bundled() {
        try (InputStream in = SourceLanguageNotice.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new SourceLanguageNotice(new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The notice for a customer writing in {@code answerLanguage} about articles in {@code sourceLanguage}; empty when they agree. */
    public Optional<String> of(String answerLanguage, String sourceLanguage) {
        String answer = primary(answerLanguage);
        String source = primary(sourceLanguage);
        if (answer.equals(source) || answer.isEmpty() || source.isEmpty() || answer.equals("und") || source.equals("und")) {
            return Optional.empty();
        }
        String sentence = byLanguage.getOrDefault(answer, byLanguage.get(FALLBACK));
        Locale in = Locale.forLanguageTag(byLanguage.containsKey(answer) ? answer : FALLBACK);
        String name = Locale.forLanguageTag(source).getDisplayLanguage(in);
        return Optional.of(sentence.replace("{language}", name.isEmpty() ? source : name));
    }

    private static String primary(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
