package dev.assist.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerPiecesTest {

    @Test
    void cutsAfterEachCitationMarkerAndKeepsTheTextWhole() {
        String text = "Go to Settings > Billing > Invoices. [1] Click Download PDF. [1] VAT IDs go on invoices. [2]";

        List<String> pieces = AnswerPieces.of(text, "en");

        assertThat(pieces).containsExactly("Go to Settings > Billing > Invoices. [1]", " Click Download PDF. [1]",
                " VAT IDs go on invoices. [2]");
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void withoutMarkersCutsAtSentences() {
        String text = "First sentence here. Second one follows.  Third!";

        List<String> pieces = AnswerPieces.of(text, "en");

        assertThat(pieces).hasSize(3);
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void emptyTextHasNoPieces() {
        assertThat(AnswerPieces.of("", "en")).isEmpty();
        assertThat(AnswerPieces.of(null, "en")).isEmpty();
    }
}
