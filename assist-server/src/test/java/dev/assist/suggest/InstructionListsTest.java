package dev.assist.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionListsTest {

    @Test
    void findsNumberedStepsTheChunkerJoinedIntoOneLine() {
        String text = "Lumora creates an invoice for every payment.\n"
                + "1. Go to Settings > Billing > Invoices. 2. Find the invoice you need. The list shows the date. 3. Click Download PDF.\n"
                + "Invoices are kept here.";

        assertThat(InstructionLists.numbered(text)).containsExactly(List.of(
                "Go to Settings > Billing > Invoices.", "Find the invoice you need. The list shows the date.", "Click Download PDF."));
    }

    @Test
    void findsNumberedStepsOnTheirOwnLinesAndSeveralLists() {
        String text = "1. Open Billing.\n2. Click Contacts.\nSome prose.\n1. Sign in.\n2. Open Settings.\n3. Save.";

        assertThat(InstructionLists.numbered(text)).containsExactly(
                List.of("Open Billing.", "Click Contacts."), List.of("Sign in.", "Open Settings.", "Save."));
    }

    @Test
    void numbersInProseAreNoList() {
        assertThat(InstructionLists.numbered("Payments are retried on day 1, 3 and 7. Shipping costs EUR 6.90. See step 2. Then wait."))
                .isEmpty();
    }

    @Test
    void findsBulletRuns() {
        assertThat(InstructionLists.bullets("Methods:\n- Visa\n- Mastercard\n- PayPal\nDone.\n- alone"))
                .containsExactly(List.of("Visa", "Mastercard", "PayPal"));
    }
}
