package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which languages a tenant's conversations are identified among. */
class TriageConfigTest {
    private static final Set<String> SERVER_WIDE = Set.of("en", "de", "fr", "es");
    private static final TriageConfig CONFIG = new TriageConfig(SERVER_WIDE, Map.of("acme", Set.of("en", "fr")),
            LanguageSettings.defaults(), 100);

    @Test
    void aConfiguredTenantGetsExactlyItsListWhateverItsArticles() {
        assertThat(CONFIG.languagesOf("acme", Set.of("de", "es"))).containsExactlyInAnyOrder("en", "fr");
        assertThat(CONFIG.languagesOf("acme", Set.of())).containsExactlyInAnyOrder("en", "fr");
    }

    @Test
    void otherwiseItsArticlesLanguagesPlusEnglish() {
        assertThat(CONFIG.languagesOf("globex", Set.of("de"))).containsExactlyInAnyOrder("de", "en");
        assertThat(CONFIG.languagesOf("globex", Set.of("en", "de", "es"))).containsExactlyInAnyOrder("en", "de", "es");
    }

    @Test
    void articleLanguagesOutsideTheServerWideSetAreLeftOut() {
        assertThat(CONFIG.languagesOf("globex", Set.of("de", "ja", "und"))).containsExactlyInAnyOrder("de", "en");
    }

    @Test
    void aTenantWithNoArticlesInTheServerWideSetGetsThatSet() {
        assertThat(CONFIG.languagesOf("globex", Set.of())).isEqualTo(SERVER_WIDE);
        assertThat(CONFIG.languagesOf("globex", Set.of("ja", "und"))).isEqualTo(SERVER_WIDE);
    }

    @Test
    void aTenantWithEnglishArticlesOnlyGetsTheServerWideSetSinceOneLanguageLeavesNothingToIdentify() {
        assertThat(CONFIG.languagesOf("globex", Set.of("en"))).isEqualTo(SERVER_WIDE);
    }

    @Test
    void englishIsAddedOnlyWhenTheServerWideSetHasIt() {
        TriageConfig withoutEnglish = new TriageConfig(Set.of("de", "fr", "it"), Map.of(), LanguageSettings.defaults(), 100);

        assertThat(withoutEnglish.languagesOf("globex", Set.of("de", "fr", "en"))).containsExactlyInAnyOrder("de", "fr");
        assertThat(withoutEnglish.languagesOf("globex", Set.of("de", "en"))).as("de alone: nothing to identify")
                .containsExactlyInAnyOrder("de", "fr", "it");
    }

    @Test
    void linguaNeedsTheServerWideSetAndEveryConfiguredList() {
        TriageConfig config = new TriageConfig(Set.of("en", "de"), Map.of("acme", Set.of("en", "pt")), LanguageSettings.defaults(), 100);

        assertThat(config.allLanguages()).containsExactly("de", "en", "pt");
    }

    @Test
    void anEmptyOrUnknownTenantListIsRefused() {
        assertThatThrownBy(() -> new TriageConfig(SERVER_WIDE, Map.of("acme", Set.of()), LanguageSettings.defaults(), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new TriageConfig(SERVER_WIDE, Map.of("acme", Set.of("en", "xx")), LanguageSettings.defaults(), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xx'");
    }
}
