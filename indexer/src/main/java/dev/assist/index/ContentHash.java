package dev.assist.index;

import dev.assist.source.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over everything that ends up in an article's chunks (and the chunking policy),
 * so an unchanged article is recognised and never re-embedded.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(Article article, String chunkingSignature) {
        MessageDigest digest = sha256();
        field(digest, chunkingSignature);
        field(digest, article.id());
        field(digest, article.title());
        field(digest, article.body());
        field(digest, article.language());
        field(digest, article.locale() == null ? "" : article.locale());
        field(digest, article.visibility().wireName());
        field(digest, article.url());
        field(digest, String.join("\u001e", article.labels()));
        field(digest, article.section());
        field(digest, article.updatedAt());
        for (Map.Entry<String, String> entry : new TreeMap<>(article.metadata()).entrySet()) {
            field(digest, entry.getKey());
            field(digest, entry.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
