package dev.assist.triage.learn;

/** A label and its probability, as a classifier ranks them. */
public record LabelScore(String label, double score) {
}
