package dev.assist.chunk;

/** Counts tokens the way the embedding model will see them (without special tokens). */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
