package dev.assist.eval.run;

import dev.assist.eval.EvalCase;
import dev.assist.eval.Metric;
import java.util.EnumMap;
import java.util.Map;

/**
 * One case as one configuration handled it, with its per-row observation for every metric
 * (NaN where the metric does not apply: no retrieval labels, no answer, no hand-off label).
 *
 * @param error why the system could not answer this case (empty when it did)
 */
public record CaseRow(EvalCase evalCase, Outcome outcome, Map<Metric, Double> observations, String error) {
    public CaseRow {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            copy.put(metric, observations.getOrDefault(metric, Double.NaN));
        }
        observations = java.util.Collections.unmodifiableMap(copy);
        error = error == null ? "" : error;
    }

    public double observation(Metric metric) {
        return observations.get(metric);
    }
}
