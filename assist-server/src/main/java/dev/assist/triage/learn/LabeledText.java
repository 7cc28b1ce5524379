package dev.assist.triage.learn;

import dev.assist.triage.TextLimits;

/** One training or evaluation example: a text and its label, validated on construction. */
public record LabeledText(String text, String label) {
    public LabeledText {
        TextLimits.requireText(text, "text");
        label = Labels.require(label);
    }
}
