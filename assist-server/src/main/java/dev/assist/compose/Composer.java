package dev.assist.compose;

import java.util.function.Consumer;

/** Turns ranked passages into an answer with citations, or a hand-off. */
public interface Composer {
    Composition compose(ComposeInput input);

    /**
     * Composes while sending the answer text in pieces as it is made. The returned composition is
     * the final word: a streaming composer may replace what it streamed (a generated answer that
     * failed its grounding check). By default the finished answer is sent sentence by sentence.
     */
    default Composition compose(ComposeInput input, Consumer<String> onDelta) {
        Composition composition = compose(input);
        AnswerPieces.of(composition.text(), input.language()).forEach(onDelta);
        return composition;
    }
}
