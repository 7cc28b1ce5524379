package dev.assist.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the LLM: a blocking {@link #complete} and a streaming {@link #stream} that
 * never hang and fail only with {@link LlmUnavailableException}, so every caller can fall back.
 *
 * <ul>
 *   <li><b>Timeout</b>: one overall budget per call ({@link LlmConfig#timeout()}), retries included.
 *       When it runs out the call returns at once with {@code TIMEOUT}; the abandoned request is
 *       interrupted (blocking) or cancelled (streaming, once the provider has sent a first delta),
 *       and in any case ends by the models' own HTTP timeout.</li>
 *   <li><b>Retry</b>: a non-streaming call is tried again up to {@link LlmConfig#maxRetries()} times
 *       after a transient failure (HTTP 408, 429, 5xx, a broken connection) while budget remains.
 *       A streaming call is not retried: its deltas have already gone to the customer.</li>
 *   <li><b>Circuit breaker</b>: every attempt's outcome is recorded; while the breaker is open,
 *       calls fail with {@code CIRCUIT_OPEN} without touching the network.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance serves the whole server.
 */
public final class ResilientChat {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientChat.class);
    private static final long MAX_BACKOFF_NANOS = Duration.ofMillis(250).toNanos();

    private final LlmConfig config;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final CircuitBreaker breaker;
    private final ExecutorService calls =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("assist-llm-", 0).factory());

    /**
     * A facade over explicit models; both models may be {@code null} only when the provider is
     * {@code NONE}.
     */
    public ResilientChat(LlmConfig config, ChatModel chatModel, StreamingChatModel streamingModel,
                         CircuitBreaker breaker) {
        this.config = Objects.requireNonNull(config, "config");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        if (config.enabled() && (chatModel == null || streamingModel == null)) {
            throw new IllegalArgumentException("A chat model and a streaming chat model are required for "
                    + LlmConfig.ENV_PROVIDER + "=" + config.provider().configName());
        }
        this.chatModel = chatModel;
        this.streamingModel = streamingModel;
    }

    /** The facade for {@code config}: models built by {@link LlmModels}, a breaker with its settings. */
    public static ResilientChat create(LlmConfig config) {
        return create(config, CircuitBreaker.of(config));
    }

    /** Like {@link #create(LlmConfig)} with a given breaker (tests move its clock). */
    public static ResilientChat create(LlmConfig config, CircuitBreaker breaker) {
        if (!config.enabled()) {
            return new ResilientChat(config, null, null, breaker);
        }
        return new ResilientChat(config, LlmModels.chatModel(config), LlmModels.streamingChatModel(config), breaker);
    }

    /** True when a provider is configured; when false every call fails with {@code NOT_CONFIGURED}. */
    public boolean enabled() {
        return config.enabled();
    }

    /** The breaker's state now, for health and metrics. */
    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    /**
     * The model's whole reply to {@code messages}.
     *
     * @throws LlmUnavailableException with the reason when no non-blank reply came back in time
     */
    public String complete(List<ChatMessage> messages) {
        requireUsable(messages);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int attempt = 0; ; attempt++) {
            Failure failure;
            try {
                return completeOnce(messages, deadline);
            } catch (Failure f) {
                failure = f;
            }
            long remaining = deadline - System.nanoTime();
            long backoff = Math.min(MAX_BACKOFF_NANOS, remaining / 4);
            if (!failure.retryable || attempt >= config.maxRetries() || remaining - backoff <= 0) {
                throw failure.exception;
            }
            LOG.debug("LLM call failed ({}), retrying", failure.exception.getMessage());
            if (!sleepNanos(backoff)) {
                throw failure.exception;
            }
        }
    }

    /**
     * Streams the model's reply: each piece of text goes to {@code onDelta} as it arrives, on the
     * provider's thread, in order, and never after this method has returned or thrown. Blocks until
     * the reply is complete and returns its whole text.
     *
     * <p>If {@code onDelta} throws (say, the customer went away) the stream is cancelled and the
     * call fails with {@code ERROR} carrying that exception as its cause; that does not count
     * against the provider in the circuit breaker. A delta callback that blocks holds up the
     * timeout until it returns.
     *
     * @throws LlmUnavailableException with the reason when the reply did not complete in time
     */
    public String stream(List<ChatMessage> messages, Consumer<String> onDelta) {
        requireUsable(messages);
        Objects.requireNonNull(onDelta, "onDelta");
        long deadline = System.nanoTime() + config.timeout().toNanos();
        if (!breaker.tryAcquire()) {
            throw circuitOpen();
        }
        StreamCall call = new StreamCall(onDelta);
        try {
            calls.execute(() -> {
                try {
                    streamingModel.chat(messages, call);
                } catch (RuntimeException | Error e) {
                    call.onError(e);
                }
            });
            String text = call.await(deadline, this::timeout);
            breaker.recordSuccess();
            return text;
        } catch (Failure f) {
            if (f.countsAgainstProvider) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
            throw f.exception;
        } finally {
            call.close();
        }
    }

    private void requireUsable(List<ChatMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (!config.enabled()) {
            throw new LlmUnavailableException(Reason.NOT_CONFIGURED,
                    "no LLM is configured (" + LlmConfig.ENV_PROVIDER + "=none)");
        }
    }

    private String completeOnce(List<ChatMessage> messages, long deadline) {
        if (!breaker.tryAcquire()) {
            throw new Failure(circuitOpen(), false, false);
        }
        try {
            String text = callBlocking(messages, deadline);
            breaker.recordSuccess();
            return text;
        } catch (Failure f) {
            if (f.countsAgainstProvider) {
                breaker.recordFailure();
            }
            throw f;
        }
    }

    private String callBlocking(List<ChatMessage> messages, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new Failure(timeout(), false, true);
        }
        Future<ChatResponse> future = calls.submit(() -> chatModel.chat(messages));
        try {
            return requireText(textOf(future.get(remaining, TimeUnit.NANOSECONDS)));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(timeout(), false, true);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(new LlmUnavailableException(Reason.ERROR, "interrupted while waiting for the LLM", e),
                    false, false);
        }
    }

    private LlmUnavailableException timeout() {
        return new LlmUnavailableException(Reason.TIMEOUT,
                "no complete reply within " + config.timeout().toMillis() + " ms (" + LlmConfig.ENV_TIMEOUT_MS + ")");
    }

    private LlmUnavailableException circuitOpen() {
        return new LlmUnavailableException(Reason.CIRCUIT_OPEN, "the LLM failed " + config.failuresToOpen()
                + " times in a row; calls are paused for " + config.openDuration().toMillis() + " ms");
    }

    private static String textOf(ChatResponse response) {
        AiMessage message = response == null ? null : response.aiMessage();
        return message == null ? null : message.text();
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new Failure(new LlmUnavailableException(Reason.MALFORMED_REPLY, "the LLM returned no text"),
                    false, true);
        }
        return text;
    }

    /** Maps whatever the provider client threw to a reason, and says whether a retry may help. */
    private static Failure classify(Throwable thrown) {
        if (thrown instanceof Failure f) {
            return f;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return new Failure(new LlmUnavailableException(Reason.TIMEOUT,
                        "the LLM client timed out: " + describe(thrown), thrown), false, true);
            }
            if (t instanceof JacksonException) {
                return new Failure(new LlmUnavailableException(Reason.MALFORMED_REPLY,
                        "the LLM reply is not valid JSON: " + describe(thrown), thrown), false, true);
            }
        }
        boolean transientFailure = isTransient(thrown);
        return new Failure(new LlmUnavailableException(Reason.ERROR,
                "the LLM call failed: " + describe(thrown), thrown), transientFailure, true);
    }

    private static boolean isTransient(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                return status == 408 || status == 429 || status >= 500;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static boolean sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An attempt's failure with what the retry loop and the breaker need to know about it. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final LlmUnavailableException exception;
        final boolean retryable;
        final boolean countsAgainstProvider;

        Failure(LlmUnavailableException exception, boolean retryable, boolean countsAgainstProvider) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
            this.retryable = retryable;
            this.countsAgainstProvider = countsAgainstProvider;
        }
    }

    /** One streaming call: forwards deltas until closed, then drops them and cancels the stream. */
    private static final class StreamCall implements StreamingChatResponseHandler {
        private final Consumer<String> onDelta;
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final Object lock = new Object();
        private boolean closed;
        private volatile StreamingHandle handle;
        private volatile RuntimeException consumerFailure;

        StreamCall(Consumer<String> onDelta) {
            this.onDelta = onDelta;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (context != null) {
                handle = context.streamingHandle();
            }
            deliver(partial.text());
        }

        @Override
        public void onPartialResponse(String partial) {
            deliver(partial);
        }

        private void deliver(String delta) {
            if (delta == null || delta.isEmpty()) {
                return;
            }
            synchronized (lock) {
                if (closed) {
                    cancelQuietly();
                    return;
                }
                text.append(delta);
                try {
                    onDelta.accept(delta);
                } catch (RuntimeException e) {
                    consumerFailure = e;
                    closed = true;
                    result.completeExceptionally(e);
                    cancelQuietly();
                }
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                String streamed = text.toString();
                String whole = textOf(response);
                if (streamed.isEmpty() && whole != null && !whole.isEmpty()) {
                    // A provider that sent everything at once: still give the caller one delta.
                    deliver(whole);
                    streamed = text.toString();
                }
                result.complete(streamed.isEmpty() && whole != null ? whole : streamed);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        String await(long deadline, java.util.function.Supplier<LlmUnavailableException> timeout) {
            long remaining = deadline - System.nanoTime();
            try {
                String whole = result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
                return requireText(whole);
            } catch (TimeoutException e) {
                close();
                throw new Failure(timeout.get(), false, true);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause != null && cause == consumerFailure) {
                    throw new Failure(new LlmUnavailableException(Reason.ERROR,
                            "the delta consumer failed; stream cancelled", cause), false, false);
                }
                throw classify(cause);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new Failure(new LlmUnavailableException(Reason.ERROR,
                        "interrupted while streaming from the LLM", e), false, false);
            }
        }

        /** Stops forwarding; cancels the provider's stream unless it already ended. */
        void close() {
            synchronized (lock) {
                closed = true;
            }
            if (!result.isDone()) {
                cancelQuietly();
            }
        }

        private void cancelQuietly() {
            StreamingHandle h = handle;
            if (h == null || h.isCancelled()) {
                return;
            }
            try {
                h.cancel();
            } catch (RuntimeException e) {
                LOG.debug("Cancelling an LLM stream failed", e);
            }
        }
    }
}
