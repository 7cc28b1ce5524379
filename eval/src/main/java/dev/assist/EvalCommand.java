package dev.assist;

import dev.assist.bench.BenchIndexes;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;
import dev.assist.eval.DatasetException;
import dev.assist.eval.DatasetProblem;
import dev.assist.eval.EvalDataset;
import dev.assist.eval.EvalDatasets;
import dev.assist.eval.baseline.NaiveLangChain4jTarget;
import dev.assist.eval.report.EvalReport;
import dev.assist.eval.report.Gate;
import dev.assist.eval.report.MarkdownReport;
import dev.assist.eval.report.ReportBuilder;
import dev.assist.eval.report.ReportWriter;
import dev.assist.eval.run.AssistTarget;
import dev.assist.eval.run.CaseRow;
import dev.assist.eval.run.CaseScorer;
import dev.assist.eval.run.EvalConfig;
import dev.assist.eval.run.EvalIndexes;
import dev.assist.eval.run.EvalProgress;
import dev.assist.eval.run.EvalRunner;
import dev.assist.eval.run.EvalTarget;
import dev.assist.eval.run.HttpTarget;
import dev.assist.eval.stats.PairedComparison;
import dev.assist.knowledge.LiveIndex;
import dev.assist.llm.LlmConfig;
import dev.assist.pipeline.PipelineFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assist eval}: runs a dataset through one configuration (or several, compared with A/B
 * statistics) and writes report.json, rows.jsonl, report.md and report.html. Subcommands for
 * other evaluations (triage models ...) can be registered next to the dataset options.
 *
 * <p>Exit status: 0 when every case ran and every gate passed; 1 when a gate failed or the
 * dataset had malformed lines (reported with file:line, the run still completes); 2 for a usage
 * error; 3 when the dataset, a configuration or the server cannot be used.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate answer quality and retrieval on a dataset; compare configurations with A/B statistics.",
                "Example: ./assist eval --dataset eval/datasets/samples-golden.jsonl --config eval/configs/default.yaml"
                        + " --vs eval/configs/langchain4j-naive.yaml"})
public final class EvalCommand implements Callable<Integer> {
    static final int GATE_FAILED = 1;
    static final int USAGE = 2;
    static final int UNUSABLE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH",
            description = "A golden QA JSONL file, or a folder in the shared retrieval layout (corpus/queries/qrels.jsonl ...).")
    Path dataset;

    @Option(names = "--config", paramLabel = "A.yaml", description = "Configuration A (default: the built-in server configuration).")
    Path config;

    @Option(names = "--vs", paramLabel = "B.yaml", split = ",",
            description = "Configuration(s) B to compare with A (repeat or separate with commas).")
    List<Path> versus = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: data/eval-runs/<dataset>-<time>).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Run at most N cases, evenly spaced over the dataset (default: all).")
    int limit;

    @Option(names = "--server", paramLabel = "URL",
            description = "Ask a running server for A instead of an in-process pipeline (keys: ASSIST_EVAL_BOT_KEY, ASSIST_EVAL_AGENT_KEY or ASSIST_EVAL_API_KEY).")
    URI server;

    @Option(names = "--gate", paramLabel = "GATES",
            description = "Fail (exit 1) when a run misses a gate, e.g. \"ndcg@10>=0.60,handoff_f1>=0.8\"; ~TOL adds a tolerance.")
    String gates;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Articles a golden set is about (default: knowledge-samples).")
    Path corpus;

    @Option(names = "--split", defaultValue = "all", description = "Golden split: dev, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--work", paramLabel = "DIR", description = "Cache of throw-away indexes (default: data/eval-cache).")
    Path work;

    @Option(names = "--cold", description = "Time first requests: no untimed warm-up pass over the cases (default: steady state).")
    boolean cold;

    @Option(names = "--resamples", defaultValue = "2000", description = "Bootstrap and permutation resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    private final Map<String, String> env;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public EvalCommand() {
        this(System.getenv(), System.out, System.err);
    }

    EvalCommand(Map<String, String> env, PrintStream stdout, PrintStream stderr) {
        this.env = env;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws Exception {
        if (dataset == null) {
            stderr.println("eval: --dataset PATH is required (or name a subcommand)");
            spec.commandLine().usage(stderr);
            return USAGE;
        }
        List<Gate> parsedGates;
        try {
            parsedGates = Gate.parseAll(gates);
        } catch (IllegalArgumentException e) {
            stderr.println("eval: " + e.getMessage());
            return USAGE;
        }
        try {
            return run(parsedGates);
        } catch (DatasetException | ConfigException e) {
            stderr.println("eval: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private int run(List<Gate> parsedGates) throws IOException {
        Path home = BenchIndexes.home();
        List<EvalConfig> configs = new ArrayList<>();
        configs.add(config == null ? EvalConfig.defaults(env) : EvalConfig.load(config, env));
        for (Path file : versus) {
            configs.add(EvalConfig.load(file, env));
        }
        uniqueNames(configs);
        EvalDataset full = EvalDatasets.open(dataset, corpus != null ? corpus : home.resolve("knowledge-samples"), split);
        EvalDataset data = full.limit(limit);
        List<DatasetProblem> problems = new ArrayList<>(full.problems());
        problems.forEach(p -> stderr.println("malformed: " + p));
        if (data.cases().isEmpty()) {
            stderr.println("eval: " + dataset + ": no usable cases");
            return UNUSABLE;
        }
        stdout.printf(Locale.ROOT, "eval %s: %d cases (of %d), %d configuration(s)%n", data.name(), data.cases().size(),
                full.cases().size(), configs.size());

        Embedder embedder = Embedders.create(EmbedderConfig.defaults());
        Path cache = work != null ? work : home.resolve("data/eval-cache");
        boolean needsCorpus = server == null || configs.size() > 1;
        EvalIndexes.Built built = null;
        if (needsCorpus) {
            Path source = data.corpus().orElseThrow(() -> new DatasetException(dataset + ": no corpus to index"));
            if (!Files.exists(source)) {
                throw new DatasetException(source + ": corpus not found (give --corpus)");
            }
            long start = System.nanoTime();
            built = EvalIndexes.ensure(source, cache, embedder);
            stdout.printf(Locale.ROOT, "index %s: %s (%.1f s)%n", cache.resolve(built.hash()), built.report().summary(),
                    (System.nanoTime() - start) / 1e9);
            built.report().problems().forEach(p -> {
                DatasetProblem problem = new DatasetProblem(Path.of(p.path()), p.line(), p.reason());
                problems.add(problem);
                stderr.println("malformed: " + problem);
            });
        }

        List<EvalTarget> targets = new ArrayList<>();
        LiveIndex live = built == null ? null : LiveIndex.openReadOnly(built.dir().resolve("index"), embedder);
        List<List<CaseRow>> rows;
        try {
            for (int i = 0; i < configs.size(); i++) {
                targets.add(target(configs.get(i), i == 0 && server != null, live, built, embedder, data));
            }
            boolean terminal = Boolean.parseBoolean(System.getProperty("assist.tty", Boolean.toString(System.console() != null)));
            EvalRunner runner = new EvalRunner(new CaseScorer(embedder), EvalProgress.console(stdout, terminal, 5), !cold);
            rows = runner.run(data.cases(), targets);
        } finally {
            targets.forEach(EvalTarget::close);
            if (live != null) {
                live.close();
            }
        }

        List<EvalReport.RunReport> runs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            EvalConfig c = configs.get(i);
            String description = i == 0 && server != null ? "server " + server : c.describe();
            runs.add(ReportBuilder.run(c.name(), description, c.file() == null ? "(built-in)" : c.file().toString(), rows.get(i)));
        }
        PairedComparison statistics = new PairedComparison(resamples, 0.05, 20_261_126L);
        List<EvalReport.ComparisonReport> comparisons = new ArrayList<>();
        for (int i = 1; i < configs.size(); i++) {
            comparisons.add(ReportBuilder.compare(runs.getFirst().name(), rows.getFirst(), runs.get(i).name(), rows.get(i), statistics));
        }
        List<EvalReport.GateResult> gateResults = ReportBuilder.gates(parsedGates, runs);
        EvalReport report = new EvalReport(environment(embedder, home), datasetInfo(full, data, built, problems), runs,
                comparisons, gateResults);
        Path dir = out != null ? out : home.resolve("data/eval-runs").resolve(data.name() + "-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ReportWriter.write(dir, report, rows);

        stdout.print("\n" + MarkdownReport.console(report));
        stdout.println("report: " + dir.resolve("report.html"));
        int status = 0;
        for (EvalReport.GateResult gate : gateResults) {
            stdout.printf(Locale.ROOT, "gate %s %s: %s%s%n", gate.run(), gate.gate(), gate.status(),
                    gate.message().isEmpty() ? "" : " (" + gate.message() + ")");
            if (gate.failed()) {
                status = GATE_FAILED;
            }
        }
        if (!problems.isEmpty()) {
            stderr.printf(Locale.ROOT, "eval: %d malformed line(s) skipped (listed above and in the report)%n", problems.size());
            status = GATE_FAILED;
        }
        return status;
    }

    private EvalTarget target(EvalConfig c, boolean viaServer, LiveIndex live, EvalIndexes.Built built, Embedder embedder,
                              EvalDataset data) throws IOException {
        if (viaServer) {
            return new HttpTarget(server, HttpTarget.keysFrom(env));
        }
        if (c.pipeline() == EvalConfig.Pipeline.LANGCHAIN4J_NAIVE) {
            return NaiveLangChain4jTarget.build(data.corpus().orElseThrow(), built.dir(), embedder, c.naive());
        }
        LlmConfig llm = LlmConfig.none();
        if (c.composer() == EvalConfig.Composer.LLM) {
            llm = LlmConfig.fromEnvironment(env);
            if (!llm.enabled()) {
                throw new ConfigException(c.file() + ": eval.composer is llm, but no language model is configured (set ASSIST_LLM_PROVIDER, ASSIST_LLM_MODEL ...)");
            }
        }
        // One factory per configuration, so none runs on another's warm caches. The target forgets the
        // query vectors before each timed question: it pays its own embedding once, as a new customer
        // question does on a server (not once per stage that reads it).
        AssistConfig.Cache cache = c.server().cache();
        PipelineFactory factory = new PipelineFactory(embedder, cache.queries(), cache.sentences(), llm);
        return new AssistTarget(factory, c.server(), live.searchers(), EvalIndexes.TENANT, data.ownLanguageOnly());
    }

    private static void uniqueNames(List<EvalConfig> configs) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < configs.size(); i++) {
            EvalConfig c = configs.get(i);
            if (!seen.add(c.name())) {
                String renamed = c.name() + "-" + (i + 1);
                configs.set(i, new EvalConfig(renamed, c.file(), c.pipeline(), c.composer(), c.naive(), c.server()));
                seen.add(renamed);
            }
        }
    }

    private EvalReport.Environment environment(Embedder embedder, Path home) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.getFirst().equals("eval")) {
            args.removeFirst();
        }
        String command = "./assist eval " + String.join(" ", args);
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        String machine = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + ", " + memory + " GiB";
        return new EvalReport.Environment(java.time.OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), command, machine,
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(), gitCommit(home), embedder.modelId(),
                (server != null ? "server " + server : "in process")
                        + (cold ? ", cold (first requests timed)" : ", steady state (untimed warm-up pass first)"));
    }

    private static EvalReport.DatasetInfo datasetInfo(EvalDataset full, EvalDataset data, EvalIndexes.Built built,
                                                      List<DatasetProblem> problems) {
        return new EvalReport.DatasetInfo(data.name(), data.format().name().toLowerCase(Locale.ROOT), data.source().toString(),
                data.corpus().map(Path::toString).orElse(""), built == null ? "" : built.hash(), data.cases().size(),
                full.cases().size(), problems.size(), problems.stream().map(DatasetProblem::toString).toList());
    }

    private static String gitCommit(Path home) {
        try {
            Process git = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String text = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? text : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
