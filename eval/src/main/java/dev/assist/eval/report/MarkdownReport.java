package dev.assist.eval.report;

import dev.assist.eval.Metric;
import java.util.List;
import java.util.Map;

/** {@code report.md}: the same numbers as the HTML report, as tables for a pull request or docs/BENCHMARKS.md. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(EvalReport report) {
        StringBuilder md = new StringBuilder();
        var env = report.environment();
        var data = report.dataset();
        md.append("# Eval: ").append(data.name()).append("\n\n");
        md.append("- command: `").append(env.command()).append("`\n");
        md.append("- date: ").append(env.date()).append("; machine: ").append(env.machine()).append(", ")
                .append(env.cores()).append(" cores; Java ").append(env.java())
                .append(env.gitCommit().isEmpty() ? "" : "; commit " + env.gitCommit()).append("\n");
        md.append("- dataset: ").append(data.source()).append(" (").append(data.format()).append("), ")
                .append(data.cases()).append(" cases run of ").append(data.casesInDataset())
                .append("; malformed lines: ").append(data.malformedLines()).append("\n");
        md.append("- mode: ").append(env.mode()).append("; embedding model ").append(env.embeddingModel()).append("\n");
        for (var run : report.runs()) {
            md.append("- **").append(run.name()).append("**: ").append(run.description())
                    .append(run.failures() > 0 ? " (" + run.failures() + " failed cases)" : "").append("\n");
        }
        md.append("\n## Summary\n\n");
        summary(md, report.runs());
        md.append("\n## Latency per stage (ms, p50 / p95 / p99)\n\n");
        stages(md, report.runs());
        for (var comparison : report.comparisons()) {
            md.append("\n## A/B: ").append(comparison.b()).append(" vs ").append(comparison.a()).append("\n\n");
            md.append("Difference B − A with a 95% paired bootstrap interval and a paired permutation test.\n\n");
            verdicts(md, comparison);
        }
        md.append("\n## By language (nDCG@10, n)\n\n");
        breakdown(md, report.runs(), "language");
        if (!report.gates().isEmpty()) {
            md.append("\n## Gates\n\n| run | gate | value | status | |\n| --- | --- | --- | --- | --- |\n");
            for (var gate : report.gates()) {
                md.append("| ").append(gate.run()).append(" | `").append(gate.gate()).append("` | ")
                        .append(Numbers.metric("", gate.value())).append(" | ").append(gate.status()).append(" | ")
                        .append(gate.message()).append(" |\n");
            }
        }
        if (!data.problems().isEmpty()) {
            md.append("\n## Malformed lines (").append(data.malformedLines()).append(")\n\n");
            data.problems().stream().limit(50).forEach(p -> md.append("- ").append(p).append("\n"));
        }
        for (var run : report.runs()) {
            md.append("\n## Worst queries: ").append(run.name()).append("\n\n| id | question | nDCG@10 | top retrieved | answer |\n| --- | --- | --- | --- | --- |\n");
            for (var w : run.worst()) {
                String top = w.retrieved().stream().limit(3).map(r -> (r.relevant() ? "**" + r.articleId() + "**" : r.articleId()))
                        .reduce((x, y) -> x + ", " + y).orElse("");
                String answer = !w.error().isEmpty() ? "error: " + w.error() : w.handoff() ? "(hand-off: " + w.handoffReason() + ")" : w.answer();
                md.append("| ").append(w.id()).append(" | ").append(cell(w.question(), 80)).append(" | ")
                        .append(Numbers.metric("", w.ndcg10())).append(" | ").append(top).append(" | ")
                        .append(cell(answer, 100)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** What the command prints when it is done: the summary and the verdict tables. */
    public static String console(EvalReport report) {
        StringBuilder md = new StringBuilder();
        summary(md, report.runs());
        for (var comparison : report.comparisons()) {
            md.append("\nA/B: ").append(comparison.b()).append(" vs ").append(comparison.a()).append("\n");
            verdicts(md, comparison);
        }
        return md.toString();
    }

    static void summary(StringBuilder md, List<EvalReport.RunReport> runs) {
        md.append("| metric |");
        runs.forEach(r -> md.append(" ").append(r.name()).append(" |"));
        md.append(" n |\n| --- |");
        runs.forEach(r -> md.append(" ---: |"));
        md.append(" ---: |\n");
        for (Metric metric : Metric.values()) {
            String w = metric.wireName();
            if (runs.stream().noneMatch(r -> r.metrics().containsKey(w))) {
                continue;
            }
            md.append("| ").append(w).append(" |");
            int n = 0;
            for (var run : runs) {
                var v = run.metrics().get(w);
                md.append(" ").append(v == null ? "–" : Numbers.metric(w, v.value())).append(" |");
                n = Math.max(n, v == null ? 0 : v.n());
            }
            md.append(" ").append(n).append(" |\n");
        }
    }

    static void stages(StringBuilder md, List<EvalReport.RunReport> runs) {
        md.append("| run | stage | p50 | p95 | p99 |\n| --- | --- | ---: | ---: | ---: |\n");
        for (var run : runs) {
            run.stageLatencyMs().forEach((stage, p) -> md.append("| ").append(run.name()).append(" | ").append(stage)
                    .append(" | ").append(Numbers.ms(p.p50())).append(" | ").append(Numbers.ms(p.p95())).append(" | ")
                    .append(Numbers.ms(p.p99())).append(" |\n"));
        }
    }

    static void verdicts(StringBuilder md, EvalReport.ComparisonReport comparison) {
        md.append("| metric | n | ").append(comparison.a()).append(" (A) | ").append(comparison.b())
                .append(" (B) | B − A | 95% CI | p | verdict |\n| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        for (var m : comparison.metrics()) {
            String w = m.metric();
            md.append("| ").append(w).append(" | ").append(m.n()).append(" | ").append(Numbers.metric(w, m.a())).append(" | ")
                    .append(Numbers.metric(w, m.b())).append(" | ").append(Numbers.signed(w, m.difference())).append(" | [")
                    .append(Numbers.metric(w, m.ciLow())).append(", ").append(Numbers.metric(w, m.ciHigh())).append("] | ")
                    .append(Numbers.p(m.pValue())).append(" | ").append(bold(m.verdict())).append(" |\n");
        }
    }

    private static String bold(String verdict) {
        return verdict.equals("better") || verdict.equals("worse") ? "**" + verdict + "**" : verdict;
    }

    static void breakdown(StringBuilder md, List<EvalReport.RunReport> runs, String key) {
        md.append("| ").append(key).append(" |");
        runs.forEach(r -> md.append(" ").append(r.name()).append(" |"));
        md.append("\n| --- |");
        runs.forEach(r -> md.append(" ---: |"));
        md.append("\n");
        Map<String, EvalReport.GroupSummary> first = runs.getFirst().breakdowns().getOrDefault(key, Map.of());
        for (String value : first.keySet()) {
            md.append("| ").append(value).append(" |");
            for (var run : runs) {
                var g = run.breakdowns().getOrDefault(key, Map.of()).get(value);
                md.append(" ").append(g == null ? "–" : Numbers.metric("", g.metrics().get("ndcg@10")) + " (" + g.n() + ")").append(" |");
            }
            md.append("\n");
        }
    }

    static String cell(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").replace("|", "\\|").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
