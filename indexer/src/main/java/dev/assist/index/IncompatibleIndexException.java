package dev.assist.index;

/** The index on disk was built with another schema or embedding model; the message says how to rebuild. */
public final class IncompatibleIndexException extends RuntimeException {
    public IncompatibleIndexException(String message) {
        super(message);
    }
}
