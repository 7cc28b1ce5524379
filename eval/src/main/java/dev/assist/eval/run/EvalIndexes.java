package dev.assist.eval.run;

import dev.assist.bench.BenchIndexes;
import dev.assist.embed.Embedder;
import dev.assist.index.SyncReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The throw-away indexes of eval runs, one per corpus content and embedding model under a cache
 * folder ({@code data/eval-cache/<hash>}), so a second run on the same corpus opens the index it
 * built before and a changed corpus gets a fresh one.
 */
public final class EvalIndexes {
    /** Tenant of every throw-away index. */
    public static final String TENANT = "eval";

    private EvalIndexes() {
    }

    /** The index built from {@code corpus} (built or refreshed now when needed). */
    public record Built(Path dir, String hash, SyncReport report) {
    }

    public static Built ensure(Path corpus, Path cacheRoot, Embedder embedder) throws IOException {
        String hash = contentHash(corpus, embedder.modelId());
        Path dir = cacheRoot.resolve(hash);
        Files.createDirectories(dir);
        SyncReport report = BenchIndexes.ensure(corpus, dir.resolve("index"), TENANT, embedder);
        return new Built(dir, hash, report);
    }

    /** SHA-256 (first 16 hex digits) of the corpus files' names and bytes, and the model id. */
    public static String contentHash(Path corpus, String modelId) throws IOException {
        MessageDigest digest = sha256();
        digest.update(modelId.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> walk = Files.walk(corpus)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(corpus);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            String name = Files.isDirectory(corpus) ? corpus.relativize(file).toString() : file.getFileName().toString();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = Files.newInputStream(file)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
