package dev.assist.eval.run;

import dev.assist.eval.EvalCase;

/**
 * A system an eval run asks: Assist's pipeline in process, an Assist server over HTTP, or a
 * baseline. One instance per configuration; calls come from one thread.
 */
public interface EvalTarget extends AutoCloseable {
    Outcome run(EvalCase evalCase);

    /**
     * Prepares for {@code evalCase} without being timed, the way a long-running server has
     * already seen its articles (Assist caches the sentence vectors of passages it re-ranked).
     */
    default void warm(EvalCase evalCase) {
    }

    @Override
    default void close() {
    }
}
