package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.assist.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es");
    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier(LANGUAGES, LanguageSettings.defaults());

    @Test
    void shortMessagesAfterEarlierTurnsBeatLinguaAlone() throws IOException {
        // Built from tatoeba_langid dev: each 1-3 word sentence follows three other sentences of its language.
        Map<String, List<String>> byLanguage = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SharedDatasets.file("tatoeba_langid", "dev.jsonl"))) {
            JsonNode row = json.readTree(line);
            String code = row.path("iso639_1").asText();
            if (LANGUAGES.contains(code)) {
                byLanguage.computeIfAbsent(code, k -> new ArrayList<>()).add(row.path("text").asText());
            }
        }
        LanguageDetector lingua = LanguageDetectorBuilder.fromIsoCodes639_1(IsoCode639_1.EN, IsoCode639_1.DE,
                IsoCode639_1.FR, IsoCode639_1.ES).build();
        int total = 0;
        int linguaRight = 0;
        int contextRight = 0;
        for (Map.Entry<String, List<String>> entry : byLanguage.entrySet()) {
            List<String> sentences = entry.getValue();
            List<String> shortOnes = sentences.stream().filter(s -> s.trim().split("\\s+").length <= 3).limit(60).toList();
            List<String> longOnes = sentences.stream().filter(s -> s.trim().split("\\s+").length > 3).toList();
            for (int i = 0; i < shortOnes.size(); i++) {
                List<String> turns = List.of(longOnes.get(3 * i), longOnes.get(3 * i + 1), longOnes.get(3 * i + 2), shortOnes.get(i));
                total++;
                Language alone = lingua.detectLanguageOf(shortOnes.get(i));
                linguaRight += alone != Language.UNKNOWN
                        && alone.getIsoCode639_1().name().toLowerCase(Locale.ROOT).equals(entry.getKey()) ? 1 : 0;
                contextRight += IDENTIFIER.identify(turns, Optional.empty()).language().equals(entry.getKey()) ? 1 : 0;
            }
        }
        double linguaAccuracy = (double) linguaRight / total;
        double contextAccuracy = (double) contextRight / total;
        assertThat(total).isGreaterThan(150);
        assertThat(contextAccuracy).isGreaterThan(0.97).isGreaterThan(linguaAccuracy + 0.05);
    }

    @Test
    void aShortMessageWithoutContextIsUndetermined() {
        LanguageGuess guess = IDENTIFIER.identify("ok");
        assertThat(guess.language()).isEqualTo("und");
        assertThat(guess.evidence()).isEqualTo(LanguageGuess.Evidence.NONE);
        assertThat(IDENTIFIER.identify("12345").language()).isEqualTo("und");
    }

    @Test
    void earlierTurnsAndLocaleDecideShortMessages() {
        LanguageGuess afterGerman = IDENTIFIER.identify(List.of("Ich kann mich seit gestern nicht mehr anmelden.", "ok"),
                Optional.empty());
        assertThat(afterGerman.language()).isEqualTo("de");
        assertThat(afterGerman.evidence()).isEqualTo(LanguageGuess.Evidence.CONTEXT);
        assertThat(IDENTIFIER.identify(List.of("12345"), Optional.of("fr-CH")).language()).isEqualTo("fr");
    }

    @Test
    void aClearMessageWinsOverEarlierTurns() {
        LanguageGuess switched = IDENTIFIER.identify(List.of("Ich kann mich nicht anmelden.",
                "Sorry, let me write in English: I cannot sign in since yesterday evening."), Optional.of("de"));
        assertThat(switched.language()).isEqualTo("en");
        assertThat(switched.evidence()).isEqualTo(LanguageGuess.Evidence.TEXT);
    }

    @Test
    void aSingleLanguageIsTheAnswerForAnyTextWithLetters() {
        LanguageIdentifier english = new LanguageIdentifier(Set.of("en"), LanguageSettings.defaults());

        assertThat(english.languages()).containsExactly("en");
        assertThat(english.identify("Ich möchte kündigen").language()).isEqualTo("en");
        assertThat(english.identify("?!").isDetermined()).isFalse();
    }
}
