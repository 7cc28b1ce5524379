package dev.assist.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.llm.CircuitBreaker.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.recordFailure();
        }
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void staysClosedBelowTheFailureThreshold() {
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aSuccessResetsTheCountOfConsecutiveFailures() {
        fail(2);
        breaker.recordSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void opensAtTheThresholdAndRefusesCallsForTheOpenDuration() {
        fail(3);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void halfOpensAfterTheOpenDurationAndLetsExactlyOneProbeThrough() {
        fail(3);
        advance(Duration.ofSeconds(30));

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessfulProbeClosesTheBreaker() {
        fail(3);
        advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.recordSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedProbeReopensForAnotherFullOpenDuration() {
        fail(3);
        advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aProbeThatNeverReportsBackDoesNotWedgeTheBreaker() {
        fail(3);
        advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();

        advance(Duration.ofSeconds(30));

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void concurrentCallersGetOneProbeBetweenThem() throws Exception {
        fail(3);
        advance(Duration.ofSeconds(30));
        int callers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Boolean> acquire = () -> {
                    go.await();
                    return breaker.tryAcquire();
                };
                results.add(pool.submit(acquire));
            }
            go.countDown();
            int granted = 0;
            for (Future<Boolean> result : results) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1)))
                .hasMessageContaining("failuresToOpen");
        assertThatThrownBy(() -> new CircuitBreaker(1, Duration.ZERO))
                .hasMessageContaining("openDuration");
    }
}
