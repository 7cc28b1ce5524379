package dev.assist.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageConfidencesTest {
    private static final Set<IsoCode639_1> FOUR = EnumSet.of(IsoCode639_1.EN, IsoCode639_1.DE, IsoCode639_1.FR, IsoCode639_1.ES);

    @Test
    void oneSharedInstancePerLanguageSetAndMode() {
        LanguageConfidences first = LanguageConfidences.among(FOUR, false);

        assertThat(LanguageConfidences.among(new LinkedHashSet<>(List.of(IsoCode639_1.ES, IsoCode639_1.FR,
                IsoCode639_1.DE, IsoCode639_1.EN)), false)).isSameAs(first);
        assertThat(LanguageConfidences.among(FOUR, true)).isNotSameAs(first);
        assertThat(LanguageConfidences.among(EnumSet.of(IsoCode639_1.EN, IsoCode639_1.DE), false)).isNotSameAs(first);
    }

    @Test
    void givesLinguasOwnValuesAndTheSameOnTheSecondCall() {
        String text = "Wie kann ich meine Rechnungen herunterladen?";
        var lingua = LanguageDetectorBuilder.fromIsoCodes639_1(FOUR.toArray(IsoCode639_1[]::new)).build();
        LanguageConfidences confidences = LanguageConfidences.among(FOUR, false);

        assertThat(confidences.of(text)).isEqualTo(lingua.computeLanguageConfidenceValues(text));
        assertThat(confidences.of(text).firstKey()).isEqualTo(Language.GERMAN);
        assertThat(confidences.of(text)).isSameAs(confidences.of(text));
    }

    @Test
    void sharedValuesCannotBeChangedByACaller() {
        var values = LanguageConfidences.among(FOUR, false).of("Where can I download my invoices?");

        assertThatThrownBy(values::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSingleLanguageIsAllowedAndNoLanguageIsNot() {
        assertThat(LanguageConfidences.among(EnumSet.of(IsoCode639_1.EN), false).of("hello there").firstKey())
                .isEqualTo(Language.ENGLISH);
        assertThatThrownBy(() -> LanguageConfidences.among(EnumSet.noneOf(IsoCode639_1.class), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
