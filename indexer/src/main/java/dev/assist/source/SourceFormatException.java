package dev.assist.source;

/** A source file (or one line of it) cannot be turned into an article; the message says why. */
public final class SourceFormatException extends RuntimeException {
    public SourceFormatException(String reason) {
        super(reason);
    }

    public SourceFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
