package dev.assist.triage.learn;

/** A model file that this build cannot use: another format version or another embedding model. */
public final class IncompatibleModelException extends RuntimeException {
    public IncompatibleModelException(String message) {
        super(message);
    }
}
