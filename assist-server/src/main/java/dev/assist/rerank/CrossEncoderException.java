package dev.assist.rerank;

/**
 * A cross-encoder model or tokenizer file is missing, unreadable, or not a cross-encoder; the message
 * names the file, the setting it came from and what is wrong. The pipeline reports it as a configuration
 * error.
 */
public final class CrossEncoderException extends RuntimeException {
    CrossEncoderException(String message) {
        super(message);
    }

    CrossEncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
