package dev.assist.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.testing.IndexFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental sync: unchanged embeds nothing, changed replaces exactly its chunks, gone is deleted. */
class IndexSyncTest {
    @TempDir
    Path root;

    private IndexFixture fixture;

    private static String longBody(String topic) {
        return IntStream.rangeClosed(1, 4).mapToObj(section -> "## Part " + section + "\n"
                        + IntStream.rangeClosed(1, 12).mapToObj(i -> "Sentence " + i + " about " + topic
                                + " explains one more detail that customers ask support about.").collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n\n"));
    }

    @BeforeEach
    void threeArticles() {
        fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices to download PDF invoices.");
        fixture.article("refunds", "Refund policy", longBody("refunds"));
        fixture.article("password", "Reset your password", "Use the Forgot password link; it is valid for 60 minutes.");
    }

    @Test
    void firstRunAddsEverythingAndStoresRenderableFields() throws IOException {
        SyncReport report = fixture.sync();

        assertThat(report.added()).isEqualTo(3);
        assertThat(report.failed()).isZero();
        List<StoredChunk> chunks = fixture.chunks();
        assertThat(report.chunksEmbedded()).isEqualTo(chunks.size());
        assertThat(fixture.chunksOf("refunds")).hasSizeGreaterThan(1)
                .allSatisfy(chunk -> assertThat(chunk.chunkCount()).isEqualTo(fixture.chunksOf("refunds").size()));
        StoredChunk invoice = fixture.chunksOf("invoices").getFirst();
        assertThat(invoice.tenant()).isEqualTo("acme");
        assertThat(invoice.title()).isEqualTo("Download invoices");
        assertThat(invoice.language()).isEqualTo("en");
        assertThat(invoice.visibility()).isEqualTo("public");
        assertThat(invoice.section()).isEqualTo("Help");
        assertThat(invoice.text()).contains("Settings > Billing > Invoices");
        assertThat(invoice.sourcePath()).isEqualTo(Path.of("en/invoices.md").toString());
        assertThat(invoice.contentHash()).isNotBlank();
    }

    @Test
    void unchangedSourceEmbedsNothing() throws IOException {
        fixture.sync();
        List<StoredChunk> before = fixture.chunks();

        SyncReport second = fixture.sync();

        assertThat(second.chunksEmbedded()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.added() + second.updated() + second.deleted()).isZero();
        assertThat(fixture.chunks()).isEqualTo(before);
    }

    @Test
    void changedArticleHasExactlyItsChunksReplaced() throws IOException {
        fixture.sync();
        List<StoredChunk> before = fixture.chunks();
        List<StoredChunk> otherBefore = before.stream().filter(chunk -> !chunk.articleId().equals("refunds")).toList();

        fixture.article("refunds", "Refund policy", longBody("annual refunds") + "\n\n## New part\nDuplicate charges are always refunded.");
        SyncReport report = fixture.sync();

        List<StoredChunk> refunds = fixture.chunksOf("refunds");
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.chunksEmbedded()).isEqualTo(refunds.size());
        assertThat(refunds).allSatisfy(chunk -> {
            assertThat(chunk.text()).doesNotContain("about refunds explains");
            assertThat(chunk.chunkCount()).isEqualTo(refunds.size());
        });
        assertThat(refunds).anySatisfy(chunk -> assertThat(chunk.text()).contains("Duplicate charges are always refunded."));
        assertThat(fixture.chunks().stream().filter(chunk -> !chunk.articleId().equals("refunds")).toList())
                .isEqualTo(otherBefore);
    }

    @Test
    void articleGoneFromTheSourceIsDeleted() throws IOException {
        fixture.sync();
        Files.delete(fixture.source().resolve("en/password.md"));

        SyncReport report = fixture.sync();

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.chunksEmbedded()).isZero();
        assertThat(fixture.chunks()).extracting(StoredChunk::articleId).doesNotContain("password").contains("invoices", "refunds");
    }

    @Test
    void noDeleteKeepsArticlesGoneFromTheSource() throws IOException {
        fixture.sync();
        Files.delete(fixture.source().resolve("en/password.md"));

        SyncReport report = fixture.sync("acme", false);

        assertThat(report.deleted()).isZero();
        assertThat(report.kept()).isEqualTo(1);
        assertThat(report.summary()).contains("kept_missing=1");
        assertThat(fixture.chunksOf("password")).isNotEmpty();
    }

    @Test
    void aFileThatBreaksDoesNotDeleteItsArticle() throws IOException {
        fixture.sync();
        fixture.write(fixture.source().resolve("en/password.md"), "---\nid: password\ntitle: [broken\n---\n");

        SyncReport report = fixture.sync();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.deleted()).isZero();
        assertThat(fixture.chunksOf("password")).as("last good version stays searchable").isNotEmpty();
    }

    @Test
    void translationsAreSeparateArticlesAndDuplicatesAreReported() throws IOException {
        fixture.article("invoices", "de", "public", "Rechnungen herunterladen", "Öffnen Sie Einstellungen > Abrechnung > Rechnungen.");
        fixture.write(fixture.source().resolve("copy/invoices.md"),
                "---\nid: invoices\ntitle: Copy\nlocale: en\n---\nA second file with the same id.\n");

        SyncReport report = fixture.sync();

        assertThat(report.added()).isEqualTo(4);
        assertThat(fixture.chunksOf("invoices")).extracting(StoredChunk::language).containsExactlyInAnyOrder("de", "en");
        assertThat(report.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("duplicate article id 'invoices'"));
    }

    @Test
    void tenantsAreSyncedIndependently() throws IOException {
        fixture.sync("acme", true);
        Files.delete(fixture.source().resolve("en/password.md"));

        fixture.sync("globex", true);

        assertThat(fixture.chunks()).filteredOn(chunk -> chunk.tenant().equals("acme"))
                .extracting(StoredChunk::articleId).contains("password");
        assertThat(fixture.chunks()).filteredOn(chunk -> chunk.tenant().equals("globex"))
                .extracting(StoredChunk::articleId).doesNotContain("password").contains("invoices");
    }

    @Test
    void languageIsDetectedWhenTheSourceDoesNotSayIt() throws IOException {
        fixture.article("versand", null, "public", "Lieferzeiten",
                "Bestellungen innerhalb der EU werden in zwei bis vier Werktagen geliefert. Ab 100 Euro ist der Versand kostenlos.");
        fixture.article("livraison", null, "internal", "Délais de livraison",
                "Les commandes sont livrées en deux à quatre jours ouvrés dans l'Union européenne. La livraison est gratuite dès 100 euros.");

        fixture.sync();

        assertThat(fixture.chunksOf("versand")).extracting(StoredChunk::language).containsOnly("de");
        assertThat(fixture.chunksOf("livraison")).allSatisfy(chunk -> {
            assertThat(chunk.language()).isEqualTo("fr");
            assertThat(chunk.isInternal()).isTrue();
        });
    }
}
