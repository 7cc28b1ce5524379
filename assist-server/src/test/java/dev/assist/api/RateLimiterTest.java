package dev.assist.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assist.auth.ApiKey;
import dev.assist.auth.Scope;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final ApiKey BOT = new ApiKey("acme", Scope.BOT);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(60, 3, new ClientAddress(java.util.List.of()), now::get); // one a second, bursts of three

    @Test
    void aBurstPassesThenTheNextRequestWaitsForItsToken() {
        for (int i = 0; i < 3; i++) {
            limiter.take(BOT, "10.0.0.1");
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> limiter.take(BOT, "10.0.0.1"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.kind()).isEqualTo("rate-limited");
        assertThat(refused.headers()).containsEntry("Retry-After", "1");
        assertThat(refused.detail()).contains("60 requests a minute").contains("bursts of 3");
    }

    @Test
    void tokensComeBackWithTimeButNeverMoreThanTheBurst() {
        for (int i = 0; i < 3; i++) {
            limiter.take(BOT, "10.0.0.1");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThatCode(() -> limiter.take(BOT, "10.0.0.1")).doesNotThrowAnyException();

        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            limiter.take(BOT, "10.0.0.1");
        }
        assertThat(catchThrowableOfType(ApiProblem.class, () -> limiter.take(BOT, "10.0.0.1"))).isNotNull();
    }

    @Test
    void otherAddressesAndOtherKeysHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.take(BOT, "10.0.0.1");
        }

        assertThatCode(() -> limiter.take(BOT, "10.0.0.2")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.take(new ApiKey("acme", Scope.AGENT), "10.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.take(new ApiKey("globex", Scope.BOT), "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aLongerWaitIsRoundedUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(6, 1, new ClientAddress(java.util.List.of()), now::get); // one every ten seconds
        slow.take(BOT, "10.0.0.1");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));

        assertThat(catchThrowableOfType(ApiProblem.class, () -> slow.take(BOT, "10.0.0.1")).headers())
                .containsEntry("Retry-After", "10");
    }
}
