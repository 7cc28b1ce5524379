package dev.assist.conversation;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import dev.assist.source.Languages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language to answer in: the request's locale when given, else the question's language
 * detected among the configured languages only (which keeps Lingua small and accurate), else
 * the earlier customer turns', else the default. A two-word message is not enough evidence to
 * switch language on its own.
 */
public final class QuestionLanguage {
    private static final double MIN_CONFIDENCE = 0.6;
    private final LanguageConfidences detector;
    private final String defaultLanguage;

    public QuestionLanguage(List<String> languages, String defaultLanguage) {
        var codes = languages.stream()
                .map(code -> IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        this.detector = codes.size() < 2 ? null : LanguageConfidences.among(codes, false);
        this.defaultLanguage = defaultLanguage;
    }

    public String resolve(Optional<String> locale, String question, List<Turn> history) {
        if (locale.isPresent()) {
            return Languages.primary(locale.get());
        }
        Optional<String> detected = detect(question);
        if (detected.isPresent()) {
            return detected.get();
        }
        StringBuilder earlier = new StringBuilder();
        for (Turn turn : history) {
            if (turn.role() == Role.CUSTOMER) {
                earlier.append(turn.text()).append('\n');
            }
        }
        return detect(earlier + question).orElse(defaultLanguage);
    }

    Optional<String> detect(String text) {
        if (detector == null || text.strip().split("\\s+").length < 3) {
            return Optional.empty();
        }
        Map<Language, Double> confidences = detector.of(text);
        return confidences.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_CONFIDENCE)
                .findFirst()
                .map(e -> e.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    }
}
