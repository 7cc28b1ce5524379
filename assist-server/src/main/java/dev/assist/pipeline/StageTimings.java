package dev.assist.pipeline;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock time per stage of one request; not thread-safe, one per request. */
public final class StageTimings {
    private final Map<Stage, Long> nanos = new EnumMap<>(Stage.class);
    private final StageObserver observer;

    public StageTimings(StageObserver observer) {
        this.observer = observer;
    }

    public <T> T time(Stage stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long elapsed = System.nanoTime() - start;
            nanos.merge(stage, elapsed, Long::sum);
            observer.observe(stage, elapsed);
        }
    }

    /** Milliseconds per stage, rounded to 0.01, in stage order. */
    public Map<String, Double> millis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        nanos.forEach((stage, value) -> millis.put(stage.wireName(), Math.round(value / 1e4) / 100.0));
        return millis;
    }
}
