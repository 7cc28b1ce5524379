package dev.assist.source;

import dev.assist.text.MarkdownText;
import java.nio.file.Path;
import java.util.List;

/** Markdown files with YAML front matter ({@code id}, {@code title}, {@code locale}, {@code visibility} ...). */
public final class MarkdownArticleReader implements ArticleReader {
    private static final List<String> KNOWN = List.of(
            "id", "title", "locale", "lang", "visibility", "url", "labels", "tags", "section", "updated_at");

    @Override
    public boolean accepts(String fileName) {
        return fileName.endsWith(".md") || fileName.endsWith(".markdown");
    }

    @Override
    public FileResult read(Path file, String displayPath, String text, String tenant) {
        FrontMatter.Split split = FrontMatter.split(text);
        FrontMatter fm = split.frontMatter();
        String locale = fm.text("locale") != null ? fm.text("locale") : fm.text("lang");
        List<String> labels = fm.list("labels");
        labels.addAll(fm.list("tags"));
        Article article = new Article(
                tenant,
                fm.text("id"),
                fm.text("title"),
                MarkdownText.toPlainText(split.body()),
                locale,
                Visibility.parse(fm.text("visibility")),
                fm.text("url"),
                labels,
                fm.text("section"),
                fm.text("updated_at"),
                fm.extras(KNOWN),
                displayPath);
        return FileResult.of(List.of(article));
    }
}
