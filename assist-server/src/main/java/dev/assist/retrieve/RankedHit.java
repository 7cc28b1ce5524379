package dev.assist.retrieve;

/** A Lucene document id with its score from one retriever, in rank order. */
public record RankedHit(int doc, float score) {
}
