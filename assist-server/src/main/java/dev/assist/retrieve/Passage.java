package dev.assist.retrieve;

import dev.assist.index.StoredChunk;
import java.util.Objects;

/**
 * One retrieved chunk with what later stages need: its stored fields and its unit vector.
 *
 * @param id stable within an index: article, language and chunk ordinal
 */
public record Passage(String id, StoredChunk chunk, float[] vector) {
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chunk, "chunk");
    }

    public static Passage of(StoredChunk chunk, float[] vector) {
        return new Passage(chunk.articleId() + "/" + chunk.language() + "#" + chunk.ordinal(), chunk, vector);
    }

    public String articleId() {
        return chunk.articleId();
    }

    public String title() {
        return chunk.title();
    }

    public String text() {
        return chunk.text();
    }

    public String language() {
        return chunk.language();
    }
}
