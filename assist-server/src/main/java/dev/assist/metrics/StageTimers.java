package dev.assist.metrics;

import dev.assist.pipeline.Stage;
import dev.assist.pipeline.StageObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records how long each pipeline stage takes as a timer with a histogram
 * ({@code assist_pipeline_stage_seconds{stage="retrieve"}} in Prometheus), so operators see which
 * stage a slow answer spent its time in.
 */
public final class StageTimers implements StageObserver {
    public static final String NAME = "assist.pipeline.stage";
    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public StageTimers(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, Timer.builder(NAME)
                    .description("Time spent in one stage of the answer pipeline")
                    .tag("stage", stage.wireName())
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    @Override
    public void observe(Stage stage, long nanos) {
        timers.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }
}
