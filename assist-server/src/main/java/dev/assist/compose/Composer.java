package dev.assist.compose;

/** Turns ranked passages into an answer with citations, or a hand-off. */
public interface Composer {
    Composition compose(ComposeInput input);
}
