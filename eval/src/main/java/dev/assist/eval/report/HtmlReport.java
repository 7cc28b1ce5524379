package dev.assist.eval.report;

import dev.assist.eval.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no network) with the summary
 * table, the A/B verdicts with their intervals, Recall@k curves, latency histograms, per-language
 * bars, breakdowns and the worst queries with what was retrieved and answered.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}
            th{background:#f5f5f5;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .better{background:#dff3e0}.worse{background:#fbe0e0}.higher,.lower{background:#fff4d6}
            .muted{color:#777}.rel{font-weight:bold;color:#1a7f37}.fail{color:#b00020;font-weight:bold}.okish{color:#a66a00}
            .charts{display:flex;flex-wrap:wrap;gap:16px}.answer{max-width:420px}code{background:#f3f3f3;padding:1px 4px}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:bold}
            """;

    private HtmlReport() {
    }

    public static String render(EvalReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>Eval: ").append(Html.escape(report.dataset().name())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        header(h, report);
        summary(h, report.runs());
        for (var comparison : report.comparisons()) {
            verdicts(h, comparison);
        }
        charts(h, report.runs());
        stages(h, report.runs());
        breakdowns(h, report.runs());
        gates(h, report.gates());
        problems(h, report.dataset());
        worst(h, report.runs());
        // The only script: marks the page as rendered (the browser test looks for it).
        h.append("<script>document.documentElement.setAttribute('data-rendered','yes');</script>\n</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, EvalReport report) {
        var env = report.environment();
        var data = report.dataset();
        h.append("<h1>Eval: ").append(Html.escape(data.name())).append("</h1><dl>");
        item(h, "command", "<code>" + Html.escape(env.command()) + "</code>");
        item(h, "date", Html.escape(env.date()));
        item(h, "machine", Html.escape(env.machine() + ", " + env.cores() + " cores, Java " + env.java()
                + (env.gitCommit().isEmpty() ? "" : ", commit " + env.gitCommit())));
        item(h, "dataset", Html.escape(data.source() + " (" + data.format() + "): " + data.cases() + " cases run of "
                + data.casesInDataset()) + "; malformed lines: " + (data.malformedLines() > 0
                ? "<span class=\"fail\">" + data.malformedLines() + "</span>" : "0"));
        item(h, "mode", Html.escape(env.mode() + "; embedding model " + env.embeddingModel()));
        for (int i = 0; i < report.runs().size(); i++) {
            var run = report.runs().get(i);
            item(h, "<span style=\"color:" + Svg.color(i) + "\">■</span> " + Html.escape(run.name()),
                    Html.escape(run.description() + " — " + run.configFile())
                            + (run.failures() > 0 ? " <span class=\"fail\">" + run.failures() + " failed cases</span>" : ""));
        }
        h.append("</dl>\n");
    }

    private static void item(StringBuilder h, String term, String html) {
        h.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
    }

    private static void summary(StringBuilder h, List<EvalReport.RunReport> runs) {
        h.append("<h2 id=\"summary\">Summary</h2><table><tr><th>group</th><th>metric</th>");
        runs.forEach(r -> h.append("<th>").append(Html.escape(r.name())).append("</th>"));
        h.append("<th>n</th></tr>");
        for (Metric metric : Metric.values()) {
            String w = metric.wireName();
            if (runs.stream().noneMatch(r -> r.metrics().containsKey(w))) {
                continue;
            }
            h.append("<tr><td class=\"muted\">").append(metric.group().wireName()).append("</td><td>").append(w).append("</td>");
            int n = 0;
            for (var run : runs) {
                var v = run.metrics().get(w);
                h.append("<td class=\"num\">").append(v == null ? "–" : Numbers.metric(w, v.value())).append("</td>");
                n = Math.max(n, v == null ? 0 : v.n());
            }
            h.append("<td class=\"num muted\">").append(n).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void verdicts(StringBuilder h, EvalReport.ComparisonReport c) {
        h.append("<h2>A/B: ").append(Html.escape(c.b())).append(" vs ").append(Html.escape(c.a())).append("</h2>")
                .append("<p class=\"muted\">Difference B − A on the rows both define, 95% paired bootstrap interval, paired permutation test; ")
                .append("a verdict needs p &lt; 0.05 and an interval that excludes 0.</p>")
                .append("<table><tr><th>metric</th><th>n</th><th>").append(Html.escape(c.a())).append(" (A)</th><th>")
                .append(Html.escape(c.b())).append(" (B)</th><th>B − A</th><th>95% CI</th><th>interval</th><th>p</th><th>verdict</th></tr>");
        for (var m : c.metrics()) {
            String w = m.metric();
            double scale = Math.max(abs(m.ciLow()), Math.max(abs(m.ciHigh()), abs(m.difference())));
            String css = m.verdict().replace(' ', '-');
            String color = switch (m.verdict()) {
                case "better" -> "#2ca02c";
                case "worse" -> "#d62728";
                default -> "#555";
            };
            h.append("<tr class=\"").append(css).append("\"><td>").append(w).append("</td><td class=\"num\">").append(m.n())
                    .append("</td><td class=\"num\">").append(Numbers.metric(w, m.a())).append("</td><td class=\"num\">")
                    .append(Numbers.metric(w, m.b())).append("</td><td class=\"num\">").append(Numbers.signed(w, m.difference()))
                    .append("</td><td class=\"num\">[").append(Numbers.metric(w, m.ciLow())).append(", ")
                    .append(Numbers.metric(w, m.ciHigh())).append("]</td><td>")
                    .append(m.comparable() ? Svg.interval(val(m.difference()), val(m.ciLow()), val(m.ciHigh()), scale, color) : "")
                    .append("</td><td class=\"num\">").append(Numbers.p(m.pValue())).append("</td><td>").append(m.verdict())
                    .append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static double abs(Double v) {
        return v == null ? 0 : Math.abs(v);
    }

    private static double val(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static void charts(StringBuilder h, List<EvalReport.RunReport> runs) {
        h.append("<h2>Charts</h2><div class=\"charts\">");
        List<String> names = runs.stream().map(EvalReport.RunReport::name).toList();
        if (runs.stream().anyMatch(r -> r.recallAtK().length > 0)) {
            h.append(Svg.lines("Recall@k", names, runs.stream().map(EvalReport.RunReport::recallAtK).toList(), "k"));
        }
        languageBars(h, runs, names);
        h.append("</div><div class=\"charts\">");
        for (int i = 0; i < runs.size(); i++) {
            var hist = runs.get(i).latencyHistogram();
            h.append(Svg.histogram("Latency: " + runs.get(i).name(), hist.edges(), hist.counts(), Svg.color(i)));
        }
        h.append("</div>\n");
    }

    private static void languageBars(StringBuilder h, List<EvalReport.RunReport> runs, List<String> names) {
        Set<String> languages = new LinkedHashSet<>();
        runs.forEach(r -> languages.addAll(r.breakdowns().getOrDefault("language", Map.of()).keySet()));
        List<String> groups = new ArrayList<>(languages);
        boolean retrieval = runs.stream().anyMatch(r -> r.metrics().containsKey(Metric.NDCG_10.wireName()));
        String metric = retrieval ? Metric.NDCG_10.wireName() : Metric.ANSWER_TOKEN_F1.wireName();
        double[][] values = new double[groups.size()][runs.size()];
        String[] notes = new String[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < runs.size(); s++) {
                var summary = runs.get(s).breakdowns().getOrDefault("language", Map.of()).get(groups.get(g));
                Double v = summary == null ? null : summary.metrics().get(metric);
                values[g][s] = v == null ? Double.NaN : v;
                if (summary != null) {
                    notes[g] = "n=" + summary.n();
                }
            }
        }
        if (!groups.isEmpty()) {
            h.append(Svg.groupedBars(metric + " by language", groups, names, values, notes));
        }
    }

    private static void stages(StringBuilder h, List<EvalReport.RunReport> runs) {
        h.append("<h2>Latency per stage (ms)</h2><table><tr><th>run</th><th>stage</th><th>p50</th><th>p95</th><th>p99</th></tr>");
        for (var run : runs) {
            run.stageLatencyMs().forEach((stage, p) -> h.append("<tr><td>").append(Html.escape(run.name())).append("</td><td>")
                    .append(Html.escape(stage)).append("</td><td class=\"num\">").append(Numbers.ms(p.p50()))
                    .append("</td><td class=\"num\">").append(Numbers.ms(p.p95())).append("</td><td class=\"num\">")
                    .append(Numbers.ms(p.p99())).append("</td></tr>"));
        }
        h.append("</table>\n");
    }

    private static void breakdowns(StringBuilder h, List<EvalReport.RunReport> runs) {
        h.append("<h2>Breakdowns</h2>");
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.breakdowns().keySet()));
        for (String key : keys) {
            h.append("<h3>By ").append(Html.escape(key)).append("</h3><table><tr><th>").append(Html.escape(key))
                    .append("</th><th>run</th><th>n</th>");
            ReportBuilder.BREAKDOWN_METRICS.forEach(m -> h.append("<th>").append(m.wireName()).append("</th>"));
            h.append("</tr>");
            Set<String> values = new LinkedHashSet<>();
            runs.forEach(r -> values.addAll(r.breakdowns().getOrDefault(key, Map.of()).keySet()));
            for (String value : values) {
                for (var run : runs) {
                    var g = run.breakdowns().getOrDefault(key, Map.of()).get(value);
                    if (g == null) {
                        continue;
                    }
                    h.append("<tr><td>").append(Html.escape(value)).append("</td><td>").append(Html.escape(run.name()))
                            .append("</td><td class=\"num\">").append(g.n()).append("</td>");
                    ReportBuilder.BREAKDOWN_METRICS.forEach(m -> h.append("<td class=\"num\">")
                            .append(Numbers.metric(m.wireName(), g.metrics().get(m.wireName()))).append("</td>"));
                    h.append("</tr>");
                }
            }
            h.append("</table>");
        }
        h.append("\n");
    }

    private static void gates(StringBuilder h, List<EvalReport.GateResult> gates) {
        if (gates.isEmpty()) {
            return;
        }
        h.append("<h2>Gates</h2><table><tr><th>run</th><th>gate</th><th>value</th><th>status</th><th></th></tr>");
        for (var g : gates) {
            String css = g.status().equals("FAIL") ? "fail" : g.status().equals("OKISH") ? "okish" : "";
            h.append("<tr><td>").append(Html.escape(g.run())).append("</td><td><code>").append(Html.escape(g.gate()))
                    .append("</code></td><td class=\"num\">").append(Numbers.metric("", g.value())).append("</td><td class=\"")
                    .append(css).append("\">").append(g.status()).append("</td><td>").append(Html.escape(g.message()))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void problems(StringBuilder h, EvalReport.DatasetInfo data) {
        if (data.problems().isEmpty()) {
            return;
        }
        h.append("<h2>Malformed lines (").append(data.malformedLines()).append(")</h2><ul>");
        data.problems().stream().limit(200).forEach(p -> h.append("<li><code>").append(Html.escape(p)).append("</code></li>"));
        h.append("</ul>\n");
    }

    private static void worst(StringBuilder h, List<EvalReport.RunReport> runs) {
        h.append("<h2>Worst queries</h2>");
        for (int i = 0; i < runs.size(); i++) {
            var run = runs.get(i);
            h.append("<details").append(i == 0 ? " open" : "").append("><summary>").append(Html.escape(run.name()))
                    .append(" (").append(run.worst().size()).append(")</summary><table><tr><th>id</th><th>question</th>")
                    .append("<th>nDCG@10</th><th>relevant</th><th>retrieved (top 5)</th><th>answer</th></tr>");
            for (var w : run.worst()) {
                h.append("<tr><td>").append(Html.escape(w.id())).append("</td><td>").append(Html.escape(w.question()))
                        .append(" <span class=\"muted\">(").append(Html.escape(w.lang())).append(")</span></td><td class=\"num\">")
                        .append(Numbers.metric("", w.ndcg10())).append("</td><td>")
                        .append(Html.escape(String.join(", ", w.relevant()))).append("</td><td><ol>");
                for (var r : w.retrieved()) {
                    h.append("<li").append(r.relevant() ? " class=\"rel\"" : "").append(">").append(Html.escape(r.articleId()))
                            .append(" <span class=\"muted\">").append(Html.escape(r.title())).append("</span></li>");
                }
                h.append("</ol></td><td class=\"answer\">");
                if (!w.error().isEmpty()) {
                    h.append("<span class=\"fail\">").append(Html.escape(w.error())).append("</span>");
                } else if (w.handoff()) {
                    h.append("<em>hand-off: ").append(Html.escape(w.handoffReason())).append("</em>");
                } else {
                    h.append(Html.escape(w.answer()));
                }
                h.append("</td></tr>");
            }
            h.append("</table></details>\n");
        }
    }
}
