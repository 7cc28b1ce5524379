package dev.assist.eval.report;

import dev.assist.eval.Metric;
import dev.assist.eval.RankingMetrics;
import dev.assist.eval.run.CaseRow;
import dev.assist.eval.stats.PairedComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Aggregates per-row results into the report: metrics, latency, breakdowns, worst queries, A/B tests, gates. */
public final class ReportBuilder {
    /** Labels with more distinct values than this are identifiers, not groups. */
    static final int MAX_GROUPS = 30;
    static final int WORST = 10;
    static final List<Metric> BREAKDOWN_METRICS = List.of(Metric.NDCG_10, Metric.RECALL_10, Metric.MRR_10,
            Metric.ANSWER_TOKEN_F1, Metric.HANDOFF_F1, Metric.HANDOFF_RATE, Metric.LATENCY_P50);

    private ReportBuilder() {
    }

    public static EvalReport.RunReport run(String name, String description, String configFile, List<CaseRow> rows) {
        Map<String, EvalReport.MetricValue> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            double[] values = column(rows, metric);
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    n++;
                }
            }
            if (n > 0) {
                metrics.put(metric.wireName(), new EvalReport.MetricValue(EvalReport.nullable(metric.aggregate().of(values)), n));
            }
        }
        int failures = (int) rows.stream().filter(r -> !r.error().isEmpty()).count();
        return new EvalReport.RunReport(name, description, configFile, rows.size(), failures, metrics, stageLatency(rows),
                recallCurve(rows), histogram(rows), breakdowns(rows), worst(rows));
    }

    public static double[] column(List<CaseRow> rows, Metric metric) {
        return rows.stream().mapToDouble(r -> r.observation(metric)).toArray();
    }

    /** B against A, row by row; both lists are in the same case order. */
    public static EvalReport.ComparisonReport compare(String a, List<CaseRow> rowsA, String b, List<CaseRow> rowsB,
                                                      PairedComparison statistics) {
        List<EvalReport.MetricComparison> out = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            var result = statistics.compare(metric, column(rowsA, metric), column(rowsB, metric));
            if (result.n() > 0) {
                out.add(EvalReport.MetricComparison.of(metric, result));
            }
        }
        return new EvalReport.ComparisonReport(a, b, out);
    }

    public static List<EvalReport.GateResult> gates(List<Gate> gates, List<EvalReport.RunReport> runs) {
        List<EvalReport.GateResult> results = new ArrayList<>();
        for (EvalReport.RunReport run : runs) {
            for (Gate gate : gates) {
                EvalReport.MetricValue value = run.metrics().get(gate.metric().wireName());
                results.add(gate.check(run.name(), value == null ? null : value.value()));
            }
        }
        return results;
    }

    static Map<String, EvalReport.Percentiles> stageLatency(List<CaseRow> rows) {
        Set<String> stages = new LinkedHashSet<>();
        for (dev.assist.pipeline.Stage stage : dev.assist.pipeline.Stage.values()) {
            if (rows.stream().anyMatch(r -> r.outcome().stageMs().containsKey(stage.wireName()))) {
                stages.add(stage.wireName());
            }
        }
        rows.forEach(r -> stages.addAll(r.outcome().stageMs().keySet()));
        Map<String, EvalReport.Percentiles> out = new LinkedHashMap<>();
        for (String stage : stages) {
            out.put(stage, percentiles(rows.stream().mapToDouble(r -> r.outcome().stageMs().getOrDefault(stage, Double.NaN)).toArray()));
        }
        out.put("total", percentiles(rows.stream().mapToDouble(r -> r.outcome().totalMs()).toArray()));
        return out;
    }

    private static EvalReport.Percentiles percentiles(double[] values) {
        return new EvalReport.Percentiles(round(dev.assist.eval.Aggregate.percentile(values, 50)),
                round(dev.assist.eval.Aggregate.percentile(values, 95)), round(dev.assist.eval.Aggregate.percentile(values, 99)));
    }

    private static double round(double ms) {
        return Double.isNaN(ms) ? Double.NaN : Math.round(ms * 100) / 100.0;
    }

    /** Mean Recall@k for k = 1..10 over judged rows. */
    static double[] recallCurve(List<CaseRow> rows) {
        double[] curve = new double[10];
        List<CaseRow> judged = rows.stream().filter(r -> r.evalCase().judged()).toList();
        if (judged.isEmpty()) {
            return new double[0];
        }
        for (int k = 1; k <= 10; k++) {
            double sum = 0;
            for (CaseRow r : judged) {
                sum += RankingMetrics.recall(r.outcome().rankedIds(), r.evalCase().relevant(), k);
            }
            curve[k - 1] = sum / judged.size();
        }
        return curve;
    }

    /** Total latency in log-spaced bins from 1 ms to 10 s (4 per decade), the last bin open-ended. */
    static EvalReport.Histogram histogram(List<CaseRow> rows) {
        int perDecade = 4;
        int bins = 4 * perDecade + 1;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = Math.pow(10, (double) i / perDecade);
        }
        edges[0] = 0;
        edges[bins] = Double.MAX_VALUE;
        int[] counts = new int[bins];
        for (CaseRow r : rows) {
            double ms = r.outcome().totalMs();
            if (Double.isNaN(ms)) {
                continue;
            }
            int bin = ms < 1 ? 0 : (int) Math.min(bins - 1, Math.floor(Math.log10(ms) * perDecade));
            counts[bin]++;
        }
        double[] finite = edges.clone();
        finite[bins] = 1e5;
        return new EvalReport.Histogram(finite, counts);
    }

    static Map<String, Map<String, EvalReport.GroupSummary>> breakdowns(List<CaseRow> rows) {
        Map<String, Map<String, EvalReport.GroupSummary>> out = new LinkedHashMap<>();
        out.put("language", group(rows, r -> r.evalCase().lang()));
        out.put("channel", group(rows, r -> r.evalCase().channel().wireName()));
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.evalCase().labels().keySet()));
        for (String key : keys) {
            long distinct = rows.stream().map(r -> r.evalCase().labels().get(key)).distinct().count();
            if (distinct <= MAX_GROUPS) {
                out.put(key, group(rows, r -> r.evalCase().labels().getOrDefault(key, "(none)")));
            }
        }
        return out;
    }

    private static Map<String, EvalReport.GroupSummary> group(List<CaseRow> rows, Function<CaseRow, String> key) {
        Map<String, List<CaseRow>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        Map<String, EvalReport.GroupSummary> out = new LinkedHashMap<>();
        groups.forEach((value, members) -> {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Metric metric : BREAKDOWN_METRICS) {
                metrics.put(metric.wireName(), EvalReport.nullable(metric.aggregate().of(column(members, metric))));
            }
            out.put(value, new EvalReport.GroupSummary(members.size(), metrics));
        });
        return out;
    }

    /** Judged rows by nDCG@10, then answer token F1, lowest first; failed rows first of all. */
    static List<EvalReport.WorstQuery> worst(List<CaseRow> rows) {
        Comparator<CaseRow> order = Comparator.<CaseRow>comparingInt(r -> r.error().isEmpty() ? 1 : 0)
                .thenComparingDouble(r -> nanHigh(r.observation(Metric.NDCG_10)))
                .thenComparingDouble(r -> nanHigh(r.observation(Metric.ANSWER_TOKEN_F1)));
        return rows.stream().filter(r -> r.evalCase().judged() || !r.error().isEmpty()).sorted(order).limit(WORST)
                .map(ReportBuilder::worstQuery).toList();
    }

    private static double nanHigh(double v) {
        return Double.isNaN(v) ? 2 : v;
    }

    private static EvalReport.WorstQuery worstQuery(CaseRow r) {
        Set<String> relevant = r.evalCase().relevant();
        List<EvalReport.Retrieved> retrieved = r.outcome().ranked().stream().limit(5)
                .map(a -> new EvalReport.Retrieved(a.articleId(), a.title(), relevant.contains(a.articleId()))).toList();
        return new EvalReport.WorstQuery(r.evalCase().id(), r.evalCase().question(), r.evalCase().lang(),
                relevant.stream().sorted().toList(), retrieved, r.outcome().answer(), r.outcome().handoff(),
                r.outcome().handoffReason(), EvalReport.nullable(r.observation(Metric.NDCG_10)),
                EvalReport.nullable(r.observation(Metric.ANSWER_TOKEN_F1)), r.error());
    }
}
