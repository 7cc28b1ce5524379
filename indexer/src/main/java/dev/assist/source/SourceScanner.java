package dev.assist.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a file or a folder tree of articles in any supported format. Every unreadable file is
 * reported with its path and reason and the others are still read. Files with an extension no
 * reader handles (images, PDFs) and hidden files are ignored. Paths in problems and articles are
 * relative to the source folder, so they stay the same wherever the folder is mounted.
 */
public final class SourceScanner {
    private final List<ArticleReader> readers;

    public SourceScanner(List<ArticleReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** A scanner with every format Assist reads. */
    public static SourceScanner allFormats() {
        return new SourceScanner(List.of(
                new MarkdownArticleReader(),
                new HtmlArticleReader(),
                new HelpCenterJsonReader(),
                new JsonlCorpusReader()));
    }

    public SourceBatch scan(Path source, String tenant) throws IOException {
        if (!Files.exists(source)) {
            throw new IOException("source not found: " + source);
        }
        List<Path> files = listFiles(source);
        List<Article> articles = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        int drafts = 0;
        for (Path file : files) {
            String display = source.equals(file) ? file.getFileName().toString() : source.relativize(file).toString();
            ArticleReader reader = readerFor(file);
            if (reader == null) {
                continue;
            }
            try {
                String text = readText(file);
                ArticleReader.FileResult result = reader.read(file, display, text, tenant);
                articles.addAll(result.articles());
                problems.addAll(result.problems());
                drafts += result.skippedDrafts();
            } catch (SourceFormatException e) {
                problems.add(SourceProblem.ofFile(display, e.getMessage()));
            } catch (IOException e) {
                problems.add(SourceProblem.ofFile(display, "cannot read: " + e.getMessage()));
            }
        }
        return new SourceBatch(articles, problems, drafts);
    }

    private List<Path> listFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private ArticleReader readerFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ArticleReader reader : readers) {
            if (reader.accepts(name)) {
                return reader;
            }
        }
        return null;
    }

    /** Strict UTF-8: a binary file (NUL bytes) or another encoding is a clear error, not mojibake. */
    static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new SourceFormatException("binary file (contains NUL bytes), not a text article");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceFormatException("not UTF-8 text (binary or another encoding)", e);
        }
    }
}
