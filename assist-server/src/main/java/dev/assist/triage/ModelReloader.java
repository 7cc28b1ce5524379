package dev.assist.triage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link Triage#reloadIfChanged()} on a timer, so a model retrained with {@code ./assist train}
 * into the configured path is served without a restart. A file that fails to load is reported to
 * {@code onError} (the server logs it and keeps the previous model) and retried on the next change.
 */
public final class ModelReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReloader.class);
    private final ScheduledExecutorService timer;

    private ModelReloader(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static ModelReloader start(Triage triage, Duration period, Consumer<RuntimeException> onError) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "triage-model-reloader");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (triage.reloadIfChanged()) {
                    LOG.info("triage models reloaded");
                }
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new ModelReloader(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
