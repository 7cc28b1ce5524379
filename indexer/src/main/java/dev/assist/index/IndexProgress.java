package dev.assist.index;

/** Receives progress of an indexing run (the CLI draws a bar or logs lines from it). */
public interface IndexProgress {
    /** Articles that need (re-)embedding were found; {@code chunks} of them will be embedded. */
    default void planned(int articles, int chunks) {
    }

    /** Some more articles and chunks are written. */
    default void advanced(int articles, int chunks) {
    }

    IndexProgress NONE = new IndexProgress() { };
}
