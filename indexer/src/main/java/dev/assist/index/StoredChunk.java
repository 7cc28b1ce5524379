package dev.assist.index;

import java.util.List;
import java.util.Map;

/** A chunk as the index stores it, with its article's fields: what a search result renders. */
public record StoredChunk(
        String tenant,
        String articleId,
        String visibility,
        String language,
        String locale,
        String title,
        String section,
        String sectionPath,
        List<String> labels,
        String url,
        String updatedAt,
        String contentHash,
        String sourcePath,
        int ordinal,
        int chunkCount,
        String text,
        Map<String, String> metadata) {

    public StoredChunk {
        labels = labels == null ? List.of() : List.copyOf(labels);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isInternal() {
        return "internal".equals(visibility);
    }
}
