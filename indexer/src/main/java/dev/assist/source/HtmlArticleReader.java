package dev.assist.source;

import dev.assist.text.HtmlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages. Metadata comes from {@code <meta name="article:id|article:visibility|article:section|
 * article:modified_time|keywords">}, {@code <html lang>} and {@code <link rel=canonical>}; the id
 * falls back to the file name, the title to the first {@code <h1>} and then {@code <title>}.
 */
public final class HtmlArticleReader implements ArticleReader {

    @Override
    public boolean accepts(String fileName) {
        return fileName.endsWith(".html") || fileName.endsWith(".htm");
    }

    @Override
    public FileResult read(Path file, String displayPath, String text, String tenant) {
        Document page = HtmlText.parse(text);
        String id = firstNonBlank(meta(page, "article:id"), stem(file));
        String title = firstNonBlank(meta(page, "article:title"), h1(page), page.title());
        Article article = new Article(
                tenant,
                id,
                title,
                HtmlText.toPlainText(page),
                firstNonBlank(page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang"),
                        meta(page, "language")),
                Visibility.parse(meta(page, "article:visibility")),
                page.select("link[rel=canonical]").attr("href"),
                labels(meta(page, "keywords")),
                meta(page, "article:section"),
                meta(page, "article:modified_time"),
                null,
                displayPath);
        return FileResult.of(List.of(article));
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[name=" + name + "], meta[property=" + name + "]");
        return meta == null ? null : meta.attr("content");
    }

    private static String h1(Document page) {
        Element h1 = page.selectFirst("h1");
        return h1 == null ? null : h1.text();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<String> labels(String keywords) {
        List<String> labels = new ArrayList<>();
        if (keywords != null) {
            for (String part : keywords.split(",")) {
                if (!part.isBlank()) {
                    labels.add(part.strip());
                }
            }
        }
        return labels;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
