package dev.assist.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.auth.ApiKey;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs after {@link Authenticator} on protected routes: a token bucket per API key (tenant and scope)
 * and client address, refilled at {@code ratePerMinute} and holding at most {@code burst} requests.
 * A widget's bot key is in every visitor's browser, so the limit is per address: one abusive client
 * gets 429 with {@code Retry-After} while the tenant's other customers are served. Behind a reverse
 * proxy the address is read from {@code X-Forwarded-For} when the proxy is trusted ({@link ClientAddress}).
 */
final class RateLimiter {
    /** Buckets of clients gone quiet this long are dropped (a full bucket is the same as none). */
    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final int MAX_CLIENTS = 200_000;

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final ClientAddress clientAddress;
    private final Cache<Client, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(MAX_CLIENTS).build();

    private record Client(String tenant, String scope, String address) {
    }

    /** @param ratePerMinute 0 turns the limit off */
    RateLimiter(int ratePerMinute, int burst, ClientAddress clientAddress, LongSupplier nanoClock) {
        this.tokensPerNano = ratePerMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.burst = burst;
        this.clientAddress = clientAddress;
        this.nanoClock = nanoClock;
    }

    RateLimiter(int ratePerMinute, int burst, ClientAddress clientAddress) {
        this(ratePerMinute, burst, clientAddress, System::nanoTime);
    }

    void check(Context ctx) {
        ApiKey caller = ctx.attribute(Authenticator.CALLER);
        if (caller == null || tokensPerNano == 0) {
            return; // a public route, or no limit configured
        }
        take(caller, clientAddress.of(ctx.ip(), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
    }

    /** Takes one request from the client's bucket, or throws 429 saying when the next one fits. */
    void take(ApiKey caller, String address) {
        Client client = new Client(caller.tenant(), caller.scope().wireName(), address);
        Bucket bucket = buckets.get(client, c -> new Bucket(burst, nanoClock.getAsLong()));
        long waitNanos = bucket.take(nanoClock.getAsLong(), tokensPerNano, burst);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ApiProblem(429, "rate-limited", "Too many requests",
                    "this key may make " + Math.round(tokensPerNano * TimeUnit.MINUTES.toNanos(1))
                            + " requests a minute from one address (bursts of " + burst + "); try again in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Tokens refill continuously; a request takes one. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /** 0 when the request may go; otherwise the nanoseconds until a token is there. */
        synchronized long take(long now, double tokensPerNano, int burst) {
            tokens = Math.min(burst, tokens + (now - updated) * tokensPerNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }
    }
}
