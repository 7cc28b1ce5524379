package dev.assist.triage;

import java.util.Objects;

/** Why a signal fired: the signal, the customer message (index in the request) and the words or rule that matched. */
public record SignalHit(Signal signal, int messageIndex, String evidence) {
    public SignalHit {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(evidence, "evidence");
    }
}
