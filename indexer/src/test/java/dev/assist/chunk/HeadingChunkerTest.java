package dev.assist.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.source.Article;
import dev.assist.source.Visibility;
import dev.assist.testing.SharedEmbedder;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chunks follow headings, fit the model's own token budget and never cut a sentence that fits. */
class HeadingChunkerTest {
    private final TokenCounter tokens = SharedEmbedder.get().tokens();

    private static Article article(String title, String body) {
        return new Article("t", "a1", title, body, "en", Visibility.PUBLIC, null, null, "Billing", null, null, "a1.md");
    }

    private static String sentences(String topic, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Step " + i + " of the " + topic + " procedure explains what happens to your account and invoices.")
                .collect(Collectors.joining(" "));
    }

    @Test
    void shortArticleWithoutHeadingsIsOneChunkWithTitleInEmbeddedText() {
        List<Chunk> chunks = new HeadingChunker(tokens, ChunkingPolicy.defaults())
                .chunk(article("Reset your password", "Click Forgot password on the sign-in page."));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo("Click Forgot password on the sign-in page.");
            assertThat(chunk.embeddedText()).isEqualTo("Reset your password\nClick Forgot password on the sign-in page.");
            assertThat(chunk.tokens()).isEqualTo(tokens.count(chunk.embeddedText()));
        });
    }

    @Test
    void sectionsBecomeChunksCarryingTheirHeadingPath() {
        String body = "Intro about refunds.\n\n## Annual plans\n" + sentences("annual refund", 12)
                + "\n\n### Within 14 days\n" + sentences("early cancellation", 12)
                + "\n\n## Monthly plans\n" + sentences("monthly", 12);

        List<Chunk> chunks = new HeadingChunker(tokens, new ChunkingPolicy(128, 16)).chunk(article("Refund policy", body));

        assertThat(chunks).extracting(Chunk::sectionPath)
                .contains("Annual plans", "Annual plans > Within 14 days", "Monthly plans");
        Chunk nested = chunks.stream().filter(c -> c.sectionPath().equals("Annual plans > Within 14 days")).findFirst().orElseThrow();
        assertThat(nested.embeddedText()).startsWith("Refund policy > Annual plans > Within 14 days\n");
        assertThat(nested.text()).contains("early cancellation").doesNotContain("monthly procedure");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(IntStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void chunksStayWithinBudgetAndKeepSentencesWhole() {
        String body = "## Long section\n" + sentences("long", 60);
        ChunkingPolicy policy = new ChunkingPolicy(96, 16);

        List<Chunk> chunks = new HeadingChunker(tokens, policy).chunk(article("Title", body));

        assertThat(chunks).hasSizeGreaterThan(3);
        for (Chunk chunk : chunks) {
            assertThat(chunk.tokens()).isLessThanOrEqualTo(policy.budgetTokens());
            assertThat(chunk.text()).startsWith("Step ").endsWith("invoices.");
        }
        // Every sentence of the section is in some chunk, whole.
        for (int i = 1; i <= 60; i++) {
            String sentence = "Step " + i + " of the long procedure explains what happens to your account and invoices.";
            assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.text()).contains(sentence));
        }
    }

    @Test
    void consecutiveChunksOfOneSectionOverlap() {
        List<Chunk> chunks = new HeadingChunker(tokens, new ChunkingPolicy(96, 24))
                .chunk(article("Title", "## Section\n" + sentences("overlap", 30)));

        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String firstSentenceOfNext = chunks.get(i).text().substring(0, chunks.get(i).text().indexOf("invoices.") + 9);
            assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(firstSentenceOfNext);
        }
    }

    @Test
    void aSingleSentenceOverBudgetIsCutAndStillFits() {
        String giant = "This sentence never ends because " + "it keeps adding another clause about billing ".repeat(80) + "done.";
        ChunkingPolicy policy = new ChunkingPolicy(64, 8);

        List<Chunk> chunks = new HeadingChunker(tokens, policy).chunk(article("Title", "## One\n" + giant));

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.tokens()).isLessThanOrEqualTo(policy.budgetTokens()));
    }

    @Test
    void smallNeighbouringSectionsAreMerged() {
        String body = "## Visa\nAccepted.\n\n## Mastercard\nAccepted.\n\n## PayPal\nAccepted too.";

        List<Chunk> chunks = new HeadingChunker(tokens, ChunkingPolicy.defaults()).chunk(article("Payment methods", body));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.sectionPath()).as("the headings all merged sections share").isEmpty();
            assertThat(chunk.text()).isEqualTo("Visa:\nAccepted.\nMastercard:\nAccepted.\nPayPal:\nAccepted too.");
        });
    }

    @Test
    void listItemsAreNotGluedTogetherOrSplitMidItem() {
        String items = IntStream.rangeClosed(1, 40).mapToObj(i -> "- Item number " + i + " of the checklist for the hardware reader")
                .collect(Collectors.joining("\n"));

        List<Chunk> chunks = new HeadingChunker(tokens, new ChunkingPolicy(80, 0)).chunk(article("Checklist", "## Items\n" + items));

        for (int i = 1; i <= 40; i++) {
            String item = "Item number " + i + " of the checklist for the hardware reader";
            assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.text()).contains(item));
        }
    }

    @Test
    void numberedStepsStayOnTheirOwnLines() {
        List<Chunk> chunks = new HeadingChunker(tokens, ChunkingPolicy.defaults()).chunk(article("Invoices",
                "## Download\n1. Open Settings > Billing > Invoices.\n2. Click Download next to the invoice.\n3. Save the PDF."));

        assertThat(chunks.getFirst().text()).contains("1. Open Settings > Billing > Invoices.\n2. Click Download");
    }

    @Test
    void emptyBodyStillGivesTheTitleAChunk() {
        assertThat(new HeadingChunker(tokens, ChunkingPolicy.defaults()).chunk(article("Only a title", "")))
                .singleElement().satisfies(chunk -> assertThat(chunk.embeddedText()).contains("Only a title"));
    }
}
