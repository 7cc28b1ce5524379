package dev.assist.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTextTest {

    @Test
    void onlyStandaloneStatementsAreUsable() {
        assertThat(SentenceText.usable("Invoices are kept for every billing period.")).isTrue();
        assertThat(SentenceText.usable("## Download an invoice")).isFalse();
        assertThat(SentenceText.usable("Paid | We received your payment.")).isFalse();
        assertThat(SentenceText.usable("Can I get a single invoice for the whole year?")).isFalse();
        assertThat(SentenceText.usable("Related: Change your billing cycle")).isFalse();
        assertThat(SentenceText.usable("Next steps: API rate limits and HTTP 429 errors · Receive events with webhooks")).isFalse();
        assertThat(SentenceText.usable("Payment methods we accept:")).isFalse();
        assertThat(SentenceText.usable("2. Click Save.")).isFalse();
        assertThat(SentenceText.usable("I was charged twice this month.")).isFalse();
        assertThat(SentenceText.usable("Ich sehe keine Rechnung für meinen Test.")).isFalse();
        assertThat(SentenceText.usable("J'ai été débité deux fois ce mois-ci.")).isFalse();
        assertThat(SentenceText.usable("Duplicate charges are always refunded.")).isTrue();
    }

    @Test
    void proseDropsListMarkersAtEitherEnd() {
        assertThat(SentenceText.prose("1. Go to Settings > Billing.")).isEqualTo("Go to Settings > Billing.");
        assertThat(SentenceText.prose("- Visa and Mastercard")).isEqualTo("Visa and Mastercard");
        assertThat(SentenceText.prose("Amount of the most recent invoice. 4.")).isEqualTo("Amount of the most recent invoice.");
        assertThat(SentenceText.prose("The fee is EUR 6.90.")).isEqualTo("The fee is EUR 6.90.");
    }

    @Test
    void shortenCutsAtAWord() {
        assertThat(SentenceText.shorten("one two three four", 12)).isEqualTo("one two…");
        assertThat(SentenceText.shorten("short", 12)).isEqualTo("short");
    }
}
