package dev.assist.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.knowledge.ArticleSubmission.Fields;
import dev.assist.knowledge.ArticleSubmission.Format;
import dev.assist.source.Article;
import dev.assist.source.SourceFormatException;
import dev.assist.source.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleSubmissionTest {
    private static final Fields NONE = new Fields(null, null, null, null, null, null, null);

    @Test
    void markdownBodyTakesItsFieldsFromTheRequest() {
        Article article = ArticleSubmission.read("acme", "pay-later", "Pay later with **SEPA**.\n\n## Limits\n\nUp to EUR 500.",
                Format.MARKDOWN, new Fields("Pay later: \"yes\" #1", "de-AT", "internal", "Billing", List.of("sepa", "pay"),
                        "https://example.com/pay-later", "2026-01-02"));

        assertThat(article.id()).isEqualTo("pay-later");
        assertThat(article.tenant()).isEqualTo("acme");
        assertThat(article.title()).isEqualTo("Pay later: \"yes\" #1");
        assertThat(article.locale()).isEqualTo("de-AT");
        assertThat(article.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(article.labels()).containsExactly("sepa", "pay");
        assertThat(article.section()).isEqualTo("Billing");
        assertThat(article.url()).isEqualTo("https://example.com/pay-later");
        assertThat(article.body()).contains("Pay later with SEPA.").contains("## Limits");
    }

    @Test
    void requestFieldsWinOverTheBodysFrontMatter() {
        String file = "---\nid: pay-later\ntitle: Old title\nlocale: en\nvisibility: public\ntags: [old]\ncustom: kept\n---\nBody.\n";

        Article article = ArticleSubmission.read("acme", "pay-later", file, Format.MARKDOWN,
                new Fields("New title", null, "internal", null, null, null, null));

        assertThat(article.title()).isEqualTo("New title");
        assertThat(article.locale()).isEqualTo("en");
        assertThat(article.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(article.labels()).containsExactly("old");
        assertThat(article.metadata()).containsEntry("custom", "kept");
        assertThat(article.body()).isEqualTo("Body.");
    }

    @Test
    void badInputFailsWithTheReadersReasons() {
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "x", "---\ntitle: [\n---\nBody", Format.MARKDOWN, NONE))
                .isInstanceOf(SourceFormatException.class).hasMessageContaining("invalid YAML in front matter");
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "x", "---\ntitle: T\nBody", Format.MARKDOWN, NONE))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "x", "Body", Format.MARKDOWN,
                new Fields("T", "en", "hidden", null, null, null, null))).hasMessageContaining("unknown visibility 'hidden'");
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "x", "Body", Format.MARKDOWN, NONE))
                .hasMessageContaining("missing title");
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "x", "---\n- a\n- b\n---\nBody", Format.MARKDOWN, NONE))
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> Format.parse("docx")).hasMessageContaining("unknown format 'docx'");
    }

    @Test
    void htmlPageIsReadWithTheHtmlReaderAndItsIdMustMatch() {
        String page = "<html lang=\"fr\"><head><title>Factures</title><meta name=\"article:visibility\" content=\"internal\">"
                + "</head><body><header>Menu</header><h1>Factures</h1><p>Téléchargez vos factures.</p></body></html>";

        Article article = ArticleSubmission.read("acme", "factures", page, Format.HTML, NONE);

        assertThat(article.title()).isEqualTo("Factures");
        assertThat(article.locale()).isEqualTo("fr");
        assertThat(article.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(article.body()).contains("Téléchargez vos factures.").doesNotContain("Menu");
        assertThatThrownBy(() -> ArticleSubmission.read("acme", "other-id",
                page.replace("<head>", "<head><meta name=\"article:id\" content=\"factures\">"), Format.HTML, NONE))
                .hasMessageContaining("differs");
    }
}
