package dev.assist.rerank;

/** A text and the language it is analyzed in: the key of the re-ranker's per-text caches. */
record LanguageText(String language, String text) {
}
