package dev.assist.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source format, and every kind of bad file: reported with path and reason, the rest still read. */
class SourceScannerTest {
    @TempDir
    Path dir;

    private final SourceScanner scanner = SourceScanner.allFormats();

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static final String GOOD_MARKDOWN = """
            ---
            id: billing-invoices
            title: "Download your invoices"
            locale: en
            visibility: public
            section: Billing
            labels: [billing, invoices]
            url: https://help.example/en/articles/billing-invoices
            updated_at: 2026-10-01
            ---
            Invoices are PDF files.

            ## Where to find them
            Open **Settings > Billing > Invoices** and click [Download](https://x.example).
            """;

    @Test
    void readsMarkdownFrontMatterIntoAnArticle() throws IOException {
        write("en/billing/billing-invoices.md", GOOD_MARKDOWN);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.problems()).isEmpty();
        Article article = batch.articles().getFirst();
        assertThat(article.tenant()).isEqualTo("acme");
        assertThat(article.id()).isEqualTo("billing-invoices");
        assertThat(article.title()).isEqualTo("Download your invoices");
        assertThat(article.locale()).isEqualTo("en");
        assertThat(article.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(article.section()).isEqualTo("Billing");
        assertThat(article.labels()).containsExactly("billing", "invoices");
        assertThat(article.url()).isEqualTo("https://help.example/en/articles/billing-invoices");
        assertThat(article.updatedAt()).startsWith("2026-10-01");
        assertThat(article.body()).contains("## Where to find them")
                .contains("Settings > Billing > Invoices")
                .contains("Download")
                .doesNotContain("**").doesNotContain("https://x.example");
        assertThat(article.sourcePath()).isEqualTo(Path.of("en/billing/billing-invoices.md").toString());
    }

    @Test
    void readsHtmlWithoutNavigationOrScripts() throws IOException {
        write("refunds.html", """
                <!doctype html><html lang="de"><head>
                <title>Erstattungen | Hilfe</title>
                <meta name="article:id" content="refunds-policy">
                <meta name="article:title" content="Erstattungsrichtlinie">
                <meta name="article:visibility" content="internal">
                <meta name="keywords" content="refunds, billing">
                <link rel="canonical" href="https://help.example/de/refunds-policy">
                <script>var tracking = "SECRET";</script><style>p{color:red}</style>
                </head><body>
                <nav><a href="/">Start</a> <a href="/billing">Abrechnung</a></nav>
                <main><h1>Erstattungsrichtlinie</h1>
                <p>Monatspläne werden nicht erstattet.</p>
                <h2>Jahrespläne</h2>
                <ul><li>Innerhalb von 14 Tagen: volle Erstattung</li><li>Danach: keine</li></ul>
                <table><tr><th>Plan</th><th>Frist</th></tr><tr><td>Jährlich</td><td>14 Tage</td></tr></table>
                </main><footer>© Example</footer></body></html>
                """);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.problems()).isEmpty();
        Article article = batch.articles().getFirst();
        assertThat(article.id()).isEqualTo("refunds-policy");
        assertThat(article.title()).isEqualTo("Erstattungsrichtlinie");
        assertThat(article.locale()).isEqualTo("de");
        assertThat(article.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(article.url()).isEqualTo("https://help.example/de/refunds-policy");
        assertThat(article.labels()).contains("refunds", "billing");
        assertThat(article.body())
                .contains("## Jahrespläne")
                .contains("Innerhalb von 14 Tagen: volle Erstattung")
                .contains("Jährlich").contains("14 Tage")
                .doesNotContain("SECRET").doesNotContain("color:red")
                .doesNotContain("Abrechnung").doesNotContain("© Example");
    }

    @Test
    void readsHelpCenterExportAndSkipsDrafts() throws IOException {
        write("export.json", """
                {"articles": [
                  {"id": 360001, "title": "Reset your password", "body": "<p>Click <b>Forgot password</b>.</p><h2>Link expired?</h2><p>Ask again.</p>",
                   "locale": "en-us", "html_url": "https://help.example/hc/360001", "label_names": ["account"],
                   "section_id": 42, "draft": false, "updated_at": "2026-09-01T10:00:00Z"},
                  {"id": 360002, "title": "Unpublished", "body": "<p>WIP</p>", "locale": "en-us", "draft": true}
                ]}
                """);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.skippedDrafts()).isEqualTo(1);
        assertThat(batch.articles()).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo("360001");
            assertThat(article.locale()).isEqualTo("en-us");
            assertThat(article.language()).isEqualTo("en");
            assertThat(article.url()).isEqualTo("https://help.example/hc/360001");
            assertThat(article.section()).isEqualTo("42");
            assertThat(article.labels()).containsExactly("account");
            assertThat(article.body()).contains("Click Forgot password.").contains("## Link expired?");
        });
    }

    @Test
    void readsJsonlCorpusKeepingExtraFieldsAsMetadata() throws IOException {
        write("corpus.jsonl", """
                {"id": "d1", "title": "Parking", "text": "Parking is free for guests.", "lang": "en", "domain": "hotel", "entity": "A and B Guest House"}
                {"id": "d2", "title": "Wifi", "text": "Wifi is included."}
                """);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.articles()).extracting(Article::id).containsExactly("d1", "d2");
        Article first = batch.articles().getFirst();
        assertThat(first.body()).isEqualTo("Parking is free for guests.");
        assertThat(first.locale()).isEqualTo("en");
        assertThat(first.metadata()).containsEntry("domain", "hotel").containsEntry("entity", "A and B Guest House");
        assertThat(batch.articles().get(1).locale()).as("no lang: detected later by the indexer").isNull();
    }

    @Test
    void badYamlIsReportedAndOtherFilesAreStillRead() throws IOException {
        write("good.md", GOOD_MARKDOWN);
        write("bad.md", "---\nid: x\ntitle: [unclosed\n---\nbody\n");

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.articles()).extracting(Article::id).containsExactly("billing-invoices");
        assertThat(batch.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("bad.md");
            assertThat(problem.reason()).contains("invalid YAML");
        });
    }

    @Test
    void markdownWithoutFrontMatterIsReported() throws IOException {
        write("plain.md", "# Just a heading\nno front matter\n");
        assertThat(onlyProblem()).contains("no YAML front matter");
    }

    @Test
    void missingIdIsReported() throws IOException {
        write("no-id.md", "---\ntitle: \"A title\"\n---\nbody\n");
        assertThat(onlyProblem()).contains("missing id");
    }

    @Test
    void missingTitleIsReported() throws IOException {
        write("no-title.md", "---\nid: a1\n---\nbody\n");
        assertThat(onlyProblem()).contains("missing title");
    }

    @Test
    void unknownVisibilityIsReported() throws IOException {
        write("secret.md", "---\nid: a1\ntitle: T\nvisibility: secret\n---\nbody\n");
        assertThat(onlyProblem()).contains("unknown visibility 'secret'").contains("public or internal");
    }

    @Test
    void invalidJsonIsReportedWithItsLine() throws IOException {
        write("export.json", "{\"articles\": [\n  {\"id\": 1, \"title\": \"x\",}\n]}\n");
        assertThat(onlyProblem()).contains("invalid JSON at line 2");
    }

    @Test
    void jsonThatIsNotAnExportIsReported() throws IOException {
        write("settings.json", "{\"theme\": \"dark\"}");
        assertThat(onlyProblem()).contains("not a help-center export");
    }

    @Test
    void oneBadArticleInAnExportDoesNotLoseTheOthers() throws IOException {
        write("export.json", """
                {"articles": [{"id": 1, "title": "Good", "body": "<p>ok</p>"}, {"id": 2, "body": "<p>no title</p>"}]}
                """);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.articles()).extracting(Article::id).containsExactly("1");
        assertThat(batch.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("articles[1]").contains("missing title"));
    }

    @Test
    void badJsonlLinesAreReportedWithLineNumbersAndGoodLinesKept() throws IOException {
        write("corpus.jsonl", """
                {"id": "d1", "title": "One", "text": "first"}
                {"id": "d2", "title": "Two", "text": "second"
                {"title": "Three", "text": "no id"}
                {"id": "d4", "title": "Four", "text": "fourth"}
                """);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.articles()).extracting(Article::id).containsExactly("d1", "d4");
        assertThat(batch.problems()).extracting(SourceProblem::line).containsExactly(2, 3);
        assertThat(batch.problems().get(0).reason()).contains("invalid JSON");
        assertThat(batch.problems().get(1).reason()).contains("missing id");
        assertThat(batch.problems().get(0).toString()).isEqualTo("corpus.jsonl:2: " + batch.problems().get(0).reason());
    }

    @Test
    void binaryFileIsReported() throws IOException {
        Files.write(dir.resolve("image.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(onlyProblem()).contains("binary file");
    }

    @Test
    void textInAnotherEncodingIsReported() throws IOException {
        Files.write(dir.resolve("latin1.md"),
                "---\nid: a\ntitle: Rückerstattung\n---\nGebühren\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(onlyProblem()).contains("not UTF-8");
    }

    @Test
    void unknownFileTypesAndHiddenFilesAreIgnored() throws IOException {
        write("notes.txt", "not an article");
        write(".DS_Store.md", "junk");
        write("good.md", GOOD_MARKDOWN);

        SourceBatch batch = scanner.scan(dir, "acme");

        assertThat(batch.problems()).isEmpty();
        assertThat(batch.articles()).hasSize(1);
    }

    @Test
    void aSingleFileCanBeTheSource() throws IOException {
        Path file = write("one.md", GOOD_MARKDOWN);
        assertThat(scanner.scan(file, "acme").articles()).hasSize(1);
    }

    @Test
    void aMissingSourceIsAnError() {
        assertThatThrownBy(() -> scanner.scan(dir.resolve("nope"), "acme"))
                .isInstanceOf(IOException.class).hasMessageContaining("source not found");
    }

    @Test
    void everyProblemNamesItsFile() throws IOException {
        write("a/bad.md", "---\nid: [\n---\n");
        write("b/bad.json", "{");
        List<SourceProblem> problems = scanner.scan(dir, "acme").problems();
        assertThat(problems).extracting(SourceProblem::path)
                .containsExactly(Path.of("a/bad.md").toString(), Path.of("b/bad.json").toString());
    }

    private String onlyProblem() throws IOException {
        SourceBatch batch = scanner.scan(dir, "acme");
        assertThat(batch.articles()).isEmpty();
        assertThat(batch.problems()).hasSize(1);
        return batch.problems().getFirst().reason();
    }
}
