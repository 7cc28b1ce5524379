package dev.assist.triage.cli;

import dev.assist.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Embeds texts, keeping vectors in a file keyed by the SHA-256 of each text, so that training,
 * evaluation and benchmarks re-run on the same data without re-embedding it. The file records the
 * embedding model id; a file that is not such a cache, or holds another model's vectors, is refused.
 */
final class EmbeddingCache {
    /** A key is the first 16 bytes of the text's SHA-256 in hex. */
    private static final int KEY_CHARS = 32;
    private final Embedder embedder;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    EmbeddingCache(Embedder embedder, Path file) {
        this.embedder = embedder;
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            load();
        }
    }

    List<float[]> embed(List<String> texts) {
        List<String> missing = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String text : texts) {
            String key = key(text);
            if (!vectors.containsKey(key) && seen.add(key)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            long start = System.nanoTime();
            List<float[]> embedded = dev.assist.triage.TriageEmbedders.embedAll(embedder, missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(key(missing.get(i)), embedded.get(i));
            }
            System.err.printf(java.util.Locale.ROOT, "embedded %d texts in %.1f s%n", missing.size(),
                    (System.nanoTime() - start) / 1e9);
            save();
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(vectors.get(key(text)));
        }
        return out;
    }

    /**
     * Reads the file, refusing (and leaving untouched) one that is not a cache, say a data file named
     * by mistake, or that holds another embedding model's vectors, instead of overwriting it.
     */
    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long size = Files.size(file);
            String model = in.readUTF();
            int count = in.readInt();
            int dimension = in.readInt();
            long expected = 2L + model.getBytes(StandardCharsets.UTF_8).length + 8 + (long) count * (2 + KEY_CHARS + 4L * dimension);
            if (count < 0 || dimension <= 0 || size != expected) {
                throw notACache("its size does not match its header");
            }
            if (!model.equals(embedder.modelId())) {
                throw new IllegalArgumentException("embedding cache " + file + " holds vectors of embedding model " + model
                        + ", not " + embedder.modelId() + ": give another --embedding-cache file (this one is left as it is)");
            }
            byte[] bytes = new byte[dimension * 4];
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                in.readFully(bytes);
                float[] vector = new float[dimension];
                java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
                vectors.put(key, vector);
            }
        } catch (EOFException e) {
            throw notACache("it ends before its header says");
        } catch (IOException e) {
            throw notACache(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private IllegalArgumentException notACache(String reason) {
        return new IllegalArgumentException(file + " is not an embedding cache (" + reason
                + "): give another --embedding-cache file (this one is left as it is)");
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "cache", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeUTF(embedder.modelId());
                out.writeInt(vectors.size());
                out.writeInt(embedder.dimension());
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(embedder.dimension() * 4);
                for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                    out.writeUTF(entry.getKey());
                    buffer.clear();
                    buffer.asFloatBuffer().put(entry.getValue());
                    out.write(buffer.array());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file + ": " + e.getMessage(), e);
        }
    }

    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEY_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
