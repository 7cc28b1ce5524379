package dev.assist.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Article-level language detection, measured on Tatoeba sentences joined into short paragraphs. */
class LinguaArticleLanguageDetectorTest {
    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "pt", "it", "nl");
    private final LinguaArticleLanguageDetector detector = new LinguaArticleLanguageDetector();

    @Test
    void detectsParagraphsOfTheIndexedLanguages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SharedDatasets.file("tatoeba_langid", "dev.jsonl"))) {
            JsonNode row = json.readTree(line);
            String lang = row.path("iso639_1").asText("");
            if (LANGUAGES.contains(lang)) {
                List<String> list = sentences.computeIfAbsent(lang, k -> new ArrayList<>());
                if (list.size() < 90) {
                    list.add(row.get("text").asText());
                }
            }
        }
        assertThat(sentences).containsOnlyKeys(LANGUAGES);

        int total = 0;
        int correct = 0;
        for (var entry : sentences.entrySet()) {
            List<String> list = entry.getValue();
            for (int i = 0; i + 3 <= list.size(); i += 3) {
                String paragraph = String.join(" ", list.subList(i, i + 3));
                total++;
                if (detector.detect(paragraph).orElse("").equals(entry.getKey())) {
                    correct++;
                }
            }
        }
        assertThat((double) correct / total).as("accuracy on %d three-sentence paragraphs", total).isGreaterThan(0.93);
    }

    @Test
    void nothingToDetectInBlankText() {
        assertThat(detector.detect("   ")).isEmpty();
        assertThat(detector.detect(null)).isEmpty();
    }
}
