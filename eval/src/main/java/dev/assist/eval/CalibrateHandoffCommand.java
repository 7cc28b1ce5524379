package dev.assist.eval;

import dev.assist.bench.BenchIndexes;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;
import dev.assist.knowledge.LiveIndex;
import dev.assist.pipeline.PipelineFactory;
import dev.assist.pipeline.StageObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist train handoff}: fits answer confidence and the hand-off threshold on a golden
 * split and prints the configuration block to keep (with the command that fitted it).
 */
@Command(name = "handoff", mixinStandardHelpOptions = true,
        description = "Fit answer confidence and the hand-off threshold on a golden set split; prints the YAML to keep.")
public final class CalibrateHandoffCommand implements Callable<Integer> {
    @Option(names = "--dataset", description = "Golden set (default: eval/datasets/samples-golden.jsonl).")
    Path dataset;

    @Option(names = "--source", description = "Articles the golden set is about (default: knowledge-samples).")
    Path source;

    @Option(names = "--tenant", defaultValue = "lumora")
    String tenant;

    @Option(names = "--split", defaultValue = "dev", description = "Split to fit on (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--config", description = "Server configuration to calibrate (default: built-in).")
    Path config;

    @Option(names = "--wrong-answer-cost", defaultValue = "2", description = "Cost of a wrong answer relative to a right one (default: ${DEFAULT-VALUE}).")
    double wrongAnswerCost;

    @Option(names = "--work", description = "Folder for the index (default: data/bench).")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path home = BenchIndexes.home();
        Path goldenFile = dataset != null ? dataset : home.resolve("eval/datasets/samples-golden.jsonl");
        Path articles = source != null ? source : home.resolve("knowledge-samples");
        Path index = (work != null ? work : home.resolve("data/bench")).resolve("samples");
        Embedder embedder = Embedders.create(EmbedderConfig.defaults());
        BenchIndexes.ensure(articles, index, tenant, embedder);
        AssistConfig base = ConfigLoader.load(config, Map.of());
        List<GoldenQuestion> rows = GoldenSet.split(GoldenSet.read(goldenFile), split);
        try (LiveIndex live = LiveIndex.openReadOnly(index, embedder)) {
            var pipeline = PipelineFactory.forConfig(embedder, base).build(base, live.searchers(), StageObserver.NONE);
            List<GoldenResult> results = new GoldenEvaluator(pipeline, tenant).run(rows);
            HandoffCalibration.Fit fit = HandoffCalibration.fit(results, wrongAnswerCost);
            System.out.printf(Locale.ROOT, "%d %s questions; decision accuracy %.3f, utility per question %.3f%n",
                    rows.size(), split, fit.accuracy(), fit.utility());
            System.out.print(fit.yaml(String.format(Locale.ROOT, "./assist train handoff --split %s --wrong-answer-cost %s (%s)",
                    split, wrongAnswerCost, java.time.LocalDate.now())));
        }
        return 0;
    }
}
