package dev.assist.pipeline;

/** Receives each stage's duration (the server records them as metrics). */
@FunctionalInterface
public interface StageObserver {
    void observe(Stage stage, long nanos);

    StageObserver NONE = (stage, nanos) -> { };
}
