package dev.assist.metrics;

import dev.assist.pipeline.Stage;
import dev.assist.pipeline.StageObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Records how long each pipeline stage takes as a timer with a histogram
 * ({@code assist_pipeline_stage_seconds{stage="retrieve"}} in Prometheus), so operators see which
 * stage a slow answer spent its time in.
 */
public final class StageTimers implements StageObserver {
    public static final String NAME = "assist.pipeline.stage";
    /**
     * Histogram buckets for request and stage latencies: a dozen fixed bounds from 5 ms to 30 s keep
     * the series few and read like the latency targets one sets.
     */
    public static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);
    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public StageTimers(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, Timer.builder(NAME)
                    .description("Time spent in one stage of the answer pipeline")
                    .tag("stage", stage.wireName())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    @Override
    public void observe(Stage stage, long nanos) {
        timers.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }
}
