package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
import static dev.assist.api.TestServer.OTHER_ADMIN;
import static dev.assist.api.TestServer.OTHER_BOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assist.config.AssistConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tenant's triage languages: {@code lumora}'s articles are in en, de, fr and es; {@code other}'s
 * only in English (until a test adds some); {@code bistro} has no articles and
 * {@code triage.tenant_languages: {bistro: [en, fr]}}.
 */
class TriageLanguagesApiTest {
    private static final String GERMAN = "Ich möchte mein Abonnement kündigen. Wo finde ich die letzte Rechnung?";
    private static final String BISTRO_BOT = "bistro-bot-key";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        AssistConfig defaults = TestServer.config();
        List<AssistConfig.ApiKeyConfig> keys = new ArrayList<>(defaults.apiKeys());
        keys.add(new AssistConfig.ApiKeyConfig(BISTRO_BOT, null, "bistro", "bot"));
        AssistConfig.Triage triage = defaults.triage();
        server = TestServer.start(dir, defaults.withApiKeys(keys).withTriage(new AssistConfig.Triage(triage.intentModel(),
                triage.sentimentModel(), triage.languages(), Map.of("bistro", List.of("en", "fr")), triage.reloadSeconds())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode language(String key, String text) {
        TestServer.Response response = server.post("/v1/triage", key, Map.of("text", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("language");
    }

    private static Map<String, Object> article(String locale, String title, String body) {
        return Map.of("title", title, "body", body, "locale", locale, "visibility", "public", "section", "Account");
    }

    @Test
    void aTenantWithGermanArticlesIdentifiesGermanWithConfidence() {
        JsonNode language = language(BOT, GERMAN);

        assertThat(language.get("code").asText()).isEqualTo("de");
        assertThat(language.get("confidence").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void aTenantConfiguredForEnglishAndFrenchNeverAnswersGerman() {
        assertThat(language(BISTRO_BOT, GERMAN).get("code").asText()).isIn("en", "fr", "und");
        assertThat(language(BISTRO_BOT, "Bonjour, je voudrais annuler mon abonnement.").get("code").asText()).isEqualTo("fr");
    }

    @Test
    void aTenantsArticlesInNewLanguagesChangeItsLanguagesWithoutARestart() {
        // other's articles are English only: one language leaves nothing to identify, so the server-wide set.
        assertThat(language(OTHER_BOT, GERMAN).get("code").asText()).isEqualTo("de");

        assertThat(server.put("/v1/articles/annuler", OTHER_ADMIN, article("fr", "Annuler l'abonnement",
                "Pour annuler votre abonnement, ouvrez les paramètres et choisissez Annuler l'abonnement.\n")).status())
                .isEqualTo(201);
        assertThat(language(OTHER_BOT, GERMAN).get("code").asText()).as("en and fr now").isIn("en", "fr", "und");

        TestServer.Response german = server.put("/v1/articles/kuendigen", OTHER_ADMIN, article("de", "Abonnement kündigen",
                "Um Ihr Abonnement zu kündigen, öffnen Sie die Einstellungen und wählen Sie Abonnement kündigen.\n"));
        assertThat(german.status()).as(german.toString()).isEqualTo(201);
        JsonNode language = language(OTHER_BOT, GERMAN);
        assertThat(language.get("code").asText()).as("its first German article adds German").isEqualTo("de");
        assertThat(language.get("confidence").asDouble()).isGreaterThan(0.9);

        assertThat(server.delete("/v1/articles/kuendigen", OTHER_ADMIN).status()).isEqualTo(204);
        assertThat(language(OTHER_BOT, GERMAN).get("code").asText()).as("its last German article deleted")
                .isIn("en", "fr", "und");
        assertThat(language(BOT, GERMAN).get("code").asText()).as("lumora is untouched throughout").isEqualTo("de");
    }
}
