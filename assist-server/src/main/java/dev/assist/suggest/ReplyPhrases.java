package dev.assist.suggest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The fixed wording of reply drafts (greetings, acknowledgements, closings) per language, read
 * from {@code suggest/reply-phrases.yaml} so that support teams review and change it as text.
 */
public final class ReplyPhrases {
    private static final String RESOURCE = "/suggest/reply-phrases.yaml";
    private final Map<String, Phrases> byLanguage;
    private final String fallback;

    public ReplyPhrases(Map<String, Phrases> byLanguage, String fallback) {
        if (!byLanguage.containsKey(fallback)) {
            throw new IllegalArgumentException("reply phrases need the fallback language " + fallback);
        }
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallback = fallback;
    }

    public static ReplyPhrases bundled() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        try (InputStream in = ReplyPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new ReplyPhrases(yaml.readValue(in, new TypeReference<Map<String, Phrases>>() { }), "en");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The phrases of a language, or English when there are none for it. */
    public Phrases of(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(fallback));
    }

    /** One language's wording; {@code {subject}}, {@code {title}} and {@code {url}} are filled in. */
    public record Phrases(String greeting, String signOff, String moreDetails, String stepsIntro, String pointsIntro,
                          String acknowledgeSubject, String acknowledge, String understand, String closingOffer,
                          String holding, String clarifyIntro, List<String> clarifySteps, String holdingEmpathetic) {
    }
}
