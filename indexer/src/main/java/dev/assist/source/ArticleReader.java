package dev.assist.source;

import java.nio.file.Path;
import java.util.List;

/** Reads one source file format into articles. */
public interface ArticleReader {

    /** True when this reader handles files with this (lower-case) file name. */
    boolean accepts(String fileName);

    /**
     * Reads the file's articles. A whole-file error throws {@link SourceFormatException};
     * line-level errors in multi-article files are added to {@code problems} and the rest is kept.
     *
     * @param displayPath the path used in problems and stored with each article
     */
    FileResult read(Path file, String displayPath, String text, String tenant);

    /** The articles of one file, problems on single lines, and how many drafts were skipped. */
    record FileResult(List<Article> articles, List<SourceProblem> problems, int skippedDrafts) {
        public static FileResult of(List<Article> articles) {
            return new FileResult(articles, List.of(), 0);
        }
    }
}
