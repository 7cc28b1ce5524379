package dev.assist.eval;

/** A dataset file cannot be used; the message names the file, the line and the reason. */
public final class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
