package dev.assist.eval.report;

import dev.assist.eval.Metric;
import dev.assist.eval.stats.PairedComparison;
import dev.assist.eval.stats.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Everything an eval run measured, as {@code report.json} holds it and the Markdown and HTML
 * reports render it. Metric maps are keyed by wire name ({@code ndcg@10}); NaN means "not
 * defined on this dataset" and is written as null.
 */
public record EvalReport(Environment environment, DatasetInfo dataset, List<RunReport> runs,
                         List<ComparisonReport> comparisons, List<GateResult> gates) {

    /** When, where and how the run was made. */
    public record Environment(String date, String command, String machine, int cores, String java, String gitCommit,
                              String embeddingModel, String mode) {
    }

    /** The dataset and what could not be read of it. */
    public record DatasetInfo(String name, String format, String source, String corpus, String indexHash, int cases,
                              int casesInDataset, int malformedLines, List<String> problems) {
    }

    /** One configuration's results. */
    public record RunReport(String name, String description, String configFile, int rows, int failures,
                            Map<String, MetricValue> metrics, Map<String, Percentiles> stageLatencyMs,
                            double[] recallAtK, Histogram latencyHistogram,
                            Map<String, Map<String, GroupSummary>> breakdowns, List<WorstQuery> worst) {
    }

    /** A metric's value and the number of rows it is defined on. */
    public record MetricValue(Double value, int n) {
    }

    public record Percentiles(double p50, double p95, double p99) {
    }

    /** Latency counts per bin; bin i covers [edges[i], edges[i+1]) milliseconds. */
    public record Histogram(double[] edges, int[] counts) {
    }

    /** A slice of the rows (one language, one channel, one label value). */
    public record GroupSummary(int n, Map<String, Double> metrics) {
    }

    /** A query the configuration did worst on, with what it retrieved and answered. */
    public record WorstQuery(String id, String question, String lang, List<String> relevant, List<Retrieved> retrieved,
                             String answer, boolean handoff, String handoffReason, Double ndcg10, Double answerTokenF1,
                             String error) {
    }

    public record Retrieved(String articleId, String title, boolean relevant) {
    }

    /** B against A on every metric both report. */
    public record ComparisonReport(String a, String b, List<MetricComparison> metrics) {
    }

    public record MetricComparison(String metric, String group, int n, Double a, Double b, Double difference,
                                   Double ciLow, Double ciHigh, Double pValue, String verdict) {
        static MetricComparison of(Metric metric, PairedComparison.Result r) {
            return new MetricComparison(metric.wireName(), metric.group().wireName(), r.n(), nullable(r.a()), nullable(r.b()),
                    nullable(r.difference()), nullable(r.ciLow()), nullable(r.ciHigh()), nullable(r.pValue()),
                    r.verdict().label());
        }

        public boolean comparable() {
            return !verdict.equals(Verdict.NOT_COMPARABLE.label());
        }
    }

    /** A gate checked on one configuration. */
    public record GateResult(String run, String gate, Double value, String status, String message) {
        public boolean failed() {
            return status.equals("FAIL");
        }
    }

    static Double nullable(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
