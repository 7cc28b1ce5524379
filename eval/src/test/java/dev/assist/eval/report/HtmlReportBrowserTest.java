package dev.assist.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assist.eval.EvalCase;
import dev.assist.eval.Expectation;
import dev.assist.eval.run.CaseRow;
import dev.assist.eval.run.Outcome;
import dev.assist.eval.Metric;
import dev.assist.eval.stats.PairedComparison;
import dev.assist.retrieve.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in headless Chromium and checks that the page renders its charts with
 * no console message (no script error). Chromium comes from {@code apt-get install chromium}
 * (.ci/run does it); without it the test is skipped locally and fails under CI.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void reportOpensInHeadlessChromiumWithChartsAndNoConsoleErrors() throws Exception {
        Path chromium = chromium();
        Path html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(report()), StandardCharsets.UTF_8);

        Page page = open(chromium, html);

        assertThat(page.console()).as("console messages of the report").isEmpty();
        assertThat(page.dom()).contains("data-rendered=\"yes\"");
        assertThat(count(page.dom(), "<svg")).isGreaterThanOrEqualTo(5); // recall curve, language bars, 2 histograms, intervals
        assertThat(page.dom()).contains("Recall@k", "ndcg@10 by language", "Latency: default", "A/B: candidate vs default",
                "Worst queries");
        // A question is text, never markup: the page escapes it.
        assertThat(page.dom()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theConsoleCheckSeesAScriptError() throws Exception {
        Path chromium = chromium();
        Path broken = Files.writeString(dir.resolve("broken.html"),
                "<!doctype html><html><body><script>notDefined();</script></body></html>");
        assertThat(open(chromium, broken).console()).anyMatch(line -> line.contains("notDefined"));
    }

    private record Page(String dom, List<String> console) {
    }

    private Page open(Path chromium, Path html) throws IOException, InterruptedException {
        Path stderr = dir.resolve("chromium-" + html.getFileName() + ".log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--dump-dom", html.toUri().toString())
                .redirectError(stderr.toFile())
                .start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(dom, console);
    }

    private static Path chromium() {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        boolean ci = System.getenv("CI") != null;
        assertThat(ci).as("Chromium must be installed under CI (apt-get install chromium)").isFalse();
        assumeTrue(false, "Chromium is not installed");
        return null;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Two configurations on 40 synthetic cases in three languages, through the real report builder. */
    private static EvalReport report() {
        Random random = new Random(9);
        List<CaseRow> a = new ArrayList<>();
        List<CaseRow> b = new ArrayList<>();
        String[] languages = {"en", "de", "fr"};
        for (int i = 0; i < 40; i++) {
            String question = i == 0 ? "<script>alert(1)</script> & more" : "question " + i;
            EvalCase c = new EvalCase("q" + i, question, languages[i % 3], i % 4 == 0 ? Channel.AGENT : Channel.BOT,
                    List.of(), Optional.empty(), Map.of("doc" + i, 1), List.of("reference " + i),
                    i % 5 == 0 ? Expectation.HANDOFF : Expectation.ANSWER, Map.of("domain", i % 2 == 0 ? "billing" : "account"));
            a.add(row(c, random, 0.6, 40));
            b.add(row(c, random, 0.8, 25));
        }
        var runA = ReportBuilder.run("default", "hybrid + rrf, rerank passage", "eval/configs/default.yaml", a);
        var runB = ReportBuilder.run("candidate", "vector, rerank none", "eval/configs/vector.yaml", b);
        var comparison = ReportBuilder.compare("default", a, "candidate", b, new PairedComparison(200, 0.05, 1));
        var gates = ReportBuilder.gates(Gate.parseAll("ndcg@10>=0.7"), List.of(runA, runB));
        return new EvalReport(new EvalReport.Environment("2026-11-26T12:00:00Z", "./assist eval --dataset x", "Linux", 2, "25",
                "abc1234", "bge-small", "in process"),
                new EvalReport.DatasetInfo("synthetic", "golden", "x.jsonl", "corpus", "hash", 40, 40, 1,
                        List.of("x.jsonl:41: invalid JSON: <oops>")),
                List.of(runA, runB), List.of(comparison), gates);
    }

    private static CaseRow row(EvalCase c, Random random, double hitRate, double ms) {
        boolean hit = random.nextDouble() < hitRate;
        String relevant = c.relevant().iterator().next();
        List<Outcome.RankedArticle> ranked = List.of(
                new Outcome.RankedArticle(hit ? relevant : "other", "Title <b>", "snippet"),
                new Outcome.RankedArticle("filler", "Filler", "snippet"),
                new Outcome.RankedArticle(hit ? "other" : relevant, "Title", "snippet"));
        boolean handoff = random.nextDouble() < 0.2;
        double total = ms * (0.5 + random.nextDouble());
        Outcome outcome = new Outcome(ranked, handoff ? "" : "An answer [1]", handoff ? List.of()
                : List.of(new Outcome.CitedArticle(1, ranked.getFirst().articleId())), handoff, handoff ? "low_confidence" : "",
                0.7, "extractive", c.question(), c.lang(), List.of(), Map.of("retrieve", total * 0.6, "rerank", total * 0.3), total);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        double rr = hit ? 1 : 1 / 3.0;
        values.put(Metric.RECALL_1, hit ? 1.0 : 0.0);
        values.put(Metric.RECALL_5, 1.0);
        values.put(Metric.RECALL_10, 1.0);
        values.put(Metric.MRR_10, rr);
        values.put(Metric.NDCG_10, hit ? 1.0 : 0.5);
        values.put(Metric.HANDOFF_RATE, handoff ? 1.0 : 0.0);
        double code = dev.assist.eval.Aggregate.code(handoff, c.expectation() == Expectation.HANDOFF);
        values.put(Metric.HANDOFF_PRECISION, code);
        values.put(Metric.HANDOFF_RECALL, code);
        values.put(Metric.HANDOFF_F1, code);
        if (!handoff) {
            values.put(Metric.ANSWER_TOKEN_F1, random.nextDouble());
            values.put(Metric.GROUNDEDNESS, 1.0);
        }
        values.put(Metric.LATENCY_P50, total);
        values.put(Metric.LATENCY_P95, total);
        values.put(Metric.LATENCY_P99, total);
        return new CaseRow(c, outcome, values, "");
    }
}
