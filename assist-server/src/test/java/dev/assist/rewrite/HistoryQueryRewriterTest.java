package dev.assist.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.index.LanguageAnalyzers;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryQueryRewriterTest {
    private final HistoryQueryRewriter rewriter = new HistoryQueryRewriter(new LanguageAnalyzers());

    @Test
    void withoutHistoryTheQuestionIsKept() {
        assertThat(rewriter.rewrite(List.of(), "how do I get a refund?", "en")).isEqualTo("how do I get a refund?");
    }

    @Test
    void aShortFollowUpCarriesThePreviousCustomerTurnsKeyTerms() {
        List<Turn> history = List.of(
                new Turn(Role.CUSTOMER, "Can I get a refund on my monthly plan?"),
                new Turn(Role.ASSISTANT, "Monthly plans are not refunded."));

        String rewritten = rewriter.rewrite(history, "and for annual?", "en");

        assertThat(rewritten).startsWith("and for annual?").contains("refund").contains("plan").doesNotContain("monthly plans are");
    }

    @Test
    void namesMentionedByTheAgentAreCarried() {
        List<Turn> history = List.of(
                new Turn(Role.CUSTOMER, "Can you find me a guesthouse in the west?"),
                new Turn(Role.ASSISTANT, "Yes, the Hobsons House has 3 stars. Shall I book it?"));

        assertThat(rewriter.rewrite(history, "Are their bathrooms clean?", "en")).contains("hobsons").contains("house");
    }

    @Test
    void aLongStandaloneQuestionIsNotChanged() {
        List<Turn> history = List.of(new Turn(Role.CUSTOMER, "My card reader does not connect over bluetooth."));
        String question = "How do I download the PDF invoices for last year from my account settings?";

        assertThat(rewriter.rewrite(history, question, "en")).isEqualTo(question);
    }

    @Test
    void germanFollowUpsAreRecognisedToo() {
        List<Turn> history = List.of(new Turn(Role.CUSTOMER, "Wie lange dauert der Versand nach Österreich?"));

        assertThat(rewriter.rewrite(history, "und in die Schweiz?", "de")).contains("versand");
    }
}
