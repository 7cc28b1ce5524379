package dev.assist.index;

import dev.assist.source.SourceProblem;
import java.util.List;

/** What one sync did; {@code failed} are source problems (files or lines that could not be read). */
public record SyncReport(int added, int updated, int unchanged, int deleted, int kept, int skippedDrafts,
                         List<SourceProblem> problems, int chunksEmbedded, double seconds) {

    public SyncReport {
        problems = List.copyOf(problems);
    }

    public int failed() {
        return problems.size();
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "added=%d updated=%d unchanged=%d deleted=%d failed=%d chunks_embedded=%d seconds=%.2f%s%s",
                added, updated, unchanged, deleted, failed(), chunksEmbedded, seconds,
                kept > 0 ? " kept_missing=" + kept : "",
                skippedDrafts > 0 ? " drafts_skipped=" + skippedDrafts : "");
    }
}
