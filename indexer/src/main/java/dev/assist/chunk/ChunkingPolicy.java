package dev.assist.chunk;

/**
 * Token budget of a chunk (title and section path included) and how much of the previous
 * chunk of the same section is repeated at the start of the next one.
 */
public record ChunkingPolicy(int budgetTokens, int overlapTokens) {

    public ChunkingPolicy {
        if (budgetTokens < 32) {
            throw new IllegalArgumentException("chunk budget must be at least 32 tokens, was " + budgetTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= budgetTokens / 2) {
            throw new IllegalArgumentException("overlap must be between 0 and half the budget, was " + overlapTokens);
        }
    }

    public static ChunkingPolicy defaults() {
        return new ChunkingPolicy(256, 32);
    }

    /** Part of every article's content hash: a new policy re-chunks and re-embeds everything. */
    public String signature() {
        // The version names the chunker's rules: bump it when they change, so a sync re-chunks everything.
        return "headings-v2:" + budgetTokens + ":" + overlapTokens;
    }
}
