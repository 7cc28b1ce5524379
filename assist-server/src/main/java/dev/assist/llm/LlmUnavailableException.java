package dev.assist.llm;

import java.util.Objects;

/**
 * The one way an LLM call fails: the caller falls back (extractive answer, deterministic rewrite,
 * no drafts) and may report {@link #reason()} in metrics or in the answer's fallback reason.
 */
public final class LlmUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no usable reply came back. */
    public enum Reason {
        /** The provider is {@code none}: generation is switched off. */
        NOT_CONFIGURED,
        /** The call did not finish within the configured timeout. */
        TIMEOUT,
        /** The provider answered with an error or could not be reached. */
        ERROR,
        /** Too many recent failures: the call was not attempted. */
        CIRCUIT_OPEN,
        /** A reply came back but was empty or not in the expected shape. */
        MALFORMED_REPLY
    }

    private final Reason reason;

    public LlmUnavailableException(Reason reason, String message) {
        this(reason, message, null);
    }

    public LlmUnavailableException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the call failed. */
    public Reason reason() {
        return reason;
    }
}
