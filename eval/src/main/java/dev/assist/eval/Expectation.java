package dev.assist.eval;

/** What a case expects of the hand-off decision, when the dataset says. */
public enum Expectation {
    /** The knowledge base answers it (answerable golden question, knowledge-seeking turn). */
    ANSWER,
    /** A human (or another bot) should take it: not answerable on its channel, or a turn that needs no knowledge. */
    HANDOFF,
    /** The dataset does not say. */
    UNLABELLED
}
