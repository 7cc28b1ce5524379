package dev.assist.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLanguageNoticeTest {
    private final SourceLanguageNotice notice = SourceLanguageNotice.bundled();

    @Test
    void namesTheArticlesLanguageInTheCustomersLanguage() {
        assertThat(notice.of("de", "en")).contains("Dazu gibt es bisher nur Artikel auf Englisch:");
        assertThat(notice.of("fr", "en")).contains("Nous n'avons pour l'instant d'articles à ce sujet qu'en anglais :");
        assertThat(notice.of("es", "de")).contains("Por ahora solo tenemos artículos sobre esto en alemán:");
        assertThat(notice.of("en", "de")).contains("This is only written up in German:");
    }

    @Test
    void saysNothingWhenTheLanguagesAgreeOrOneIsUnknown() {
        assertThat(notice.of("de", "de")).isEmpty();
        assertThat(notice.of("de-AT", "de")).isEmpty();
        assertThat(notice.of("de", "und")).isEmpty();
        assertThat(notice.of("", "en")).isEmpty();
        assertThat(notice.of(null, "en")).isEmpty();
    }

    @Test
    void aLanguageWithoutItsOwnSentenceGetsTheEnglishOne() {
        assertThat(notice.of("it", "en")).contains("This is only written up in English:");
    }

    @Test
    void refusesSentencesWithoutTheLanguageOrWithoutEnglish() {
        assertThatThrownBy(() -> new SourceLanguageNotice(Map.of("en", "Only in one language:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'en' lacks {language}");
        assertThatThrownBy(() -> new SourceLanguageNotice(Map.of("de", "Nur auf {language}:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("English");
    }
}
