package dev.assist.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Stops calling a provider that keeps failing: after {@code failuresToOpen} consecutive failures
 * the breaker opens and every call is refused for {@code openDuration}; then it lets exactly one
 * probe through (half-open), which closes it on success or re-opens it on failure.
 *
 * <p>Thread-safe. Time comes from an injectable nanosecond source so tests can move it.
 */
public final class CircuitBreaker {

    /** The breaker's state as a caller would observe it now. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final long openNanos;
    private final LongSupplier nanoTime;

    private boolean open;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;
    private long probeStartedAt;

    public CircuitBreaker(int failuresToOpen, Duration openDuration) {
        this(failuresToOpen, openDuration, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public CircuitBreaker(int failuresToOpen, Duration openDuration, LongSupplier nanoTime) {
        if (failuresToOpen < 1) {
            throw new IllegalArgumentException("failuresToOpen must be at least 1; got " + failuresToOpen);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive; got " + openDuration);
        }
        this.failuresToOpen = failuresToOpen;
        this.openNanos = openDuration.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A breaker with the settings of {@code config}. */
    public static CircuitBreaker of(LlmConfig config) {
        return new CircuitBreaker(config.failuresToOpen(), config.openDuration());
    }

    /**
     * Asks to make one call. {@code true} means go ahead and report the outcome with
     * {@link #recordSuccess()} or {@link #recordFailure()}; {@code false} means fail fast.
     */
    public synchronized boolean tryAcquire() {
        if (!open) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (now - openedAt < openNanos) {
            return false;
        }
        // Half-open: one probe at a time. A probe that never reported back (a bug upstream)
        // must not wedge the breaker, so its slot expires after another open duration.
        if (probeInFlight && now - probeStartedAt < openNanos) {
            return false;
        }
        probeInFlight = true;
        probeStartedAt = now;
        return true;
    }

    /** The call went through: close the breaker and forget earlier failures. */
    public synchronized void recordSuccess() {
        open = false;
        probeInFlight = false;
        consecutiveFailures = 0;
    }

    /** The call failed: count it, and open (or re-open) the breaker when the limit is reached. */
    public synchronized void recordFailure() {
        if (open) {
            if (probeInFlight) {
                probeInFlight = false;
                openedAt = nanoTime.getAsLong();
            }
            return;
        }
        consecutiveFailures++;
        if (consecutiveFailures >= failuresToOpen) {
            open = true;
            openedAt = nanoTime.getAsLong();
        }
    }

    /** The state now: an open breaker whose open duration has passed reports {@code HALF_OPEN}. */
    public synchronized State state() {
        if (!open) {
            return State.CLOSED;
        }
        return nanoTime.getAsLong() - openedAt < openNanos ? State.OPEN : State.HALF_OPEN;
    }
}
