package dev.assist.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.compose.GroundingCheck.GroundingResult;
import dev.assist.compose.GroundingCheck.SentenceSupport;
import dev.assist.compose.GroundingCheck.Support;
import dev.assist.llm.NumberedPassage;
import dev.assist.source.Article;
import dev.assist.source.MarkdownArticleReader;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grounding check on real help-center articles with the real bundled embedding model. */
class GroundingCheckTest {

    /** [1] is the refund policy, [2] the account-deletion article, read as the indexer reads them. */
    private static final List<NumberedPassage> PASSAGES = List.of(
            passage(1, "en/refunds/refunds-policy.md"),
            passage(2, "en/account/account-delete-account.md"));

    /** One instance for all tests, so that its cache of passage vectors is shared. */
    private static final GroundingCheck CHECK = new GroundingCheck(SharedEmbedder.get());

    private final GroundingCheck check = CHECK;

    @Test
    void anAnswerParaphrasingItsPassagesIsGrounded() {
        GroundingResult result = check.check("""
                If you cancel an annual plan within 14 days of purchase or renewal, you get a full refund [1]. \
                Approved refunds go back to the payment method you originally used [1]. \
                You should get your money back within five to ten business days. [1]""", PASSAGES);

        assertThat(result.grounded()).as(describe(result)).isTrue();
        assertThat(result.sentences()).hasSize(3);
        assertThat(result.sentences()).allSatisfy(s -> assertThat(s.citedNumbers()).containsExactly(1));
    }

    @Test
    void aSentenceCopiedFromThePassageIsSupportedByMeaning() {
        SentenceSupport sentence = only(check.check(
                "Go to Settings > Billing > Request refund, or contact us through chat [1].", PASSAGES));

        assertThat(sentence.support()).isEqualTo(Support.SEMANTIC);
        assertThat(sentence.similarity()).isGreaterThan(0.95);
        assertThat(sentence.bestPassage()).isEqualTo(1);
    }

    @Test
    void anInventedRefundPeriodIsNotGrounded() {
        GroundingResult result = check.check("Refunds take 90 days to reach your account [1].", PASSAGES);

        assertThat(result.grounded()).isFalse();
        SentenceSupport sentence = only(result);
        assertThat(sentence.support()).isEqualTo(Support.NUMBER_MISMATCH);
        assertThat(sentence.unmatchedNumbers()).containsExactly("90");
    }

    @Test
    void aWrongNumberIsNotGroundedEvenWhenTheRestIsRight() {
        GroundingResult result = check.check("""
                Approved refunds go back to the payment method you originally used [1]. \
                If you cancel an annual plan within 30 days of purchase, you get a full refund [1].""", PASSAGES);

        assertThat(result.grounded()).isFalse();
        assertThat(result.unsupported()).singleElement().satisfies(s -> {
            assertThat(s.support()).isEqualTo(Support.NUMBER_MISMATCH);
            assertThat(s.unmatchedNumbers()).containsExactly("30");
        });
    }

    @Test
    void numbersWrittenAsWordsAreCheckedToo() {
        assertThat(only(check.check("Refunds take ninety days [1].", PASSAGES)).support())
                .isEqualTo(Support.NUMBER_MISMATCH);
        assertThat(only(check.check("Expect the money within five to ten business days [1].", PASSAGES)).supported())
                .isTrue();
    }

    @Test
    void anInventedPolicyWithoutNumbersIsNotGrounded() {
        GroundingResult result = check.check("Monthly plans are refunded pro rata for the unused days [1].", PASSAGES);

        assertThat(result.grounded()).isFalse();
        assertThat(only(result).support()).isEqualTo(Support.UNSUPPORTED);
    }

    @Test
    void aSentenceIsJudgedOnlyAgainstThePassageItCites() {
        String claim = "After you delete your account there is a 30-day grace period in which you can restore it";

        assertThat(check.check(claim + " [2].", PASSAGES).grounded()).isTrue();
        assertThat(check.check(claim + " [1].", PASSAGES).grounded()).isFalse();
    }

    @Test
    void aSentenceWithoutCitationIsJudgedAgainstAllPassages() {
        SentenceSupport sentence = only(check.check(
                "During the grace period you can sign in as the owner and select Restore account.", PASSAGES));

        assertThat(sentence.supported()).isTrue();
        assertThat(sentence.citedNumbers()).isEmpty();
        assertThat(sentence.bestPassage()).isEqualTo(2);
    }

    @Test
    void courtesyIsNeitherEvidenceNorHarm() {
        GroundingResult withFacts = check.check(
                "Hope this helps! Approved refunds go back to the payment method you originally used [1].", PASSAGES);
        assertThat(withFacts.grounded()).isTrue();
        assertThat(withFacts.sentences().get(0).support()).isEqualTo(Support.TRIVIAL);

        assertThat(check.check("Hope this helps!", PASSAGES).grounded()).isFalse();
    }

    @Test
    void anEmptyAnswerOrNoPassagesIsNotGrounded() {
        assertThat(check.check("  ", PASSAGES).grounded()).isFalse();
        assertThat(check.check("Refunds take 5-10 business days [1].", List.of()).grounded()).isFalse();
    }

    @Test
    void markersAfterTheFullStopBelongToTheSentenceBeforeThem() {
        List<GroundingCheck.AnswerSentence> sentences = GroundingCheck.answerSentences(
                "Refunds take 5-10 business days. [2] You can ask in chat [1][3].\n1. Go to Settings [1].");

        assertThat(sentences).extracting(GroundingCheck.AnswerSentence::text)
                .containsExactly("Refunds take 5-10 business days.", "You can ask in chat.", "Go to Settings.");
        assertThat(sentences).extracting(GroundingCheck.AnswerSentence::cited)
                .containsExactly(List.of(2), List.of(1, 3), List.of(1));
    }

    @Test
    void numbersAreNormalizedAndCitationMarkersAreNotNumbers() {
        assertThat(GroundingCheck.numbers("EUR 1,000.50 or 29 [3] in 05 days, 99.9% uptime, twelve months"))
                .containsExactly("100050", "29", "5", "999", "12");
        assertThat(GroundingCheck.numbers("in 5-10 business days, 3 – 5 weeks or 5 to 10; updated 2026-03-09"))
                .containsExactly("5-10", "3-5", "5-10", "2026", "3", "9");
    }

    /**
     * Calibration: faithful paraphrases and plausible inventions about the same two articles. The
     * defaults were chosen on these sentences (bge-small-en-v1.5); the tolerance absorbs small
     * numeric drift between machines, not a change of model.
     */
    @Test
    void defaultThresholdsSeparateParaphrasesFromInventions() {
        List<String> faithful = List.of(
                "Approved refunds go back to the payment method you originally used [1].",
                "Refunds reach your original payment method in 5-10 business days [1].",
                "You should get your money back within five to ten business days [1].",
                "Monthly plans are not refunded; cancellation takes effect at the end of the paid period [1].",
                "If you cancel an annual plan within 14 days of purchase or renewal, you get a full refund [1].",
                "After you delete your account there is a 30-day grace period in which you can restore it [2].",
                "To ask for a refund, go to Settings > Billing > Request refund or contact us through chat [1].",
                "We will email you once the refund has been issued [1].",
                "You can export your data as a ZIP from Settings > Privacy > Export data before deleting [2].",
                "If you were charged twice for the same period, we always refund the extra charge [1].",
                "Annual billing means you pay for 10 months and get 12 [1].",
                "The 14-day window starts again at every annual renewal [1].",
                "During the grace period you can sign in as the owner and select Restore account [2].",
                "Your booking page goes offline and team members lose access right away [2].",
                "Monthly subscriptions aren't refunded, but you keep access until the end of the period you paid for [1].");
        List<String> invented = List.of(
                "Monthly plans are refunded pro rata for the unused days [1].",
                "You can request a refund by phone at any time [1].",
                "Refunds are paid out as store credit only [1].",
                "Lumora offers a lifetime warranty on all subscriptions [1].",
                "Your account is deleted immediately and cannot be restored [2].",
                "Deleting your account also deletes your invoices forever [2].",
                "Refunds for monthly plans are available on request within 14 days [1].",
                "Duplicate charges are refunded only on annual plans [1].",
                "Annual plans are always refunded in full [1].",
                "You can restore your account at any time, even after the grace period [2].",
                "Refunds are sent by cheque [1].",
                "You need to call your bank to request a refund [1].",
                "Team members keep access to their calendars for 30 days after deletion [2].");
        List<String> wrongNumbers = List.of(
                "Refunds take 90 days [1].",
                "Annual plans can be refunded within 30 days of purchase [1].",
                "The grace period after deleting your account is 60 days [2].",
                "Refunds reach your original payment method in 3-5 business days [1].");

        long faithfulGrounded = faithful.stream().filter(a -> check.check(a, PASSAGES).grounded()).count();
        long inventedGrounded = invented.stream().filter(a -> check.check(a, PASSAGES).grounded()).count();

        assertThat(faithfulGrounded).as("faithful paraphrases grounded (14 of 15 when calibrated)")
                .isGreaterThanOrEqualTo(13);
        assertThat(inventedGrounded).as("inventions grounded (0 of 13 when calibrated)").isLessThanOrEqualTo(1);
        assertThat(wrongNumbers).allSatisfy(a ->
                assertThat(only(check.check(a, PASSAGES)).support()).as(a).isEqualTo(Support.NUMBER_MISMATCH));
    }

    @Test
    void thresholdsOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> new GroundingCheck(SharedEmbedder.get(), 1.5, 0.9, 0.8))
                .hasMessageContaining("semanticThreshold");
        assertThatThrownBy(() -> new GroundingCheck(SharedEmbedder.get(), 0.8, 0, 0.8))
                .hasMessageContaining("lexicalThreshold");
    }

    private static SentenceSupport only(GroundingResult result) {
        assertThat(result.sentences()).hasSize(1);
        return result.sentences().get(0);
    }

    private static String describe(GroundingResult result) {
        StringBuilder out = new StringBuilder();
        for (SentenceSupport s : result.sentences()) {
            out.append(String.format("%n%.3f cov=%.2f %s %s", s.similarity(), s.coverage(), s.support(), s.sentence()));
        }
        return out.toString();
    }

    private static NumberedPassage passage(int n, String file) {
        Path path = Path.of(System.getProperty("assist.repo.root"), "knowledge-samples", file);
        try {
            Article article = new MarkdownArticleReader()
                    .read(path, file, Files.readString(path), "lumora").articles().get(0);
            return new NumberedPassage(n, article.id(), article.title(), article.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
