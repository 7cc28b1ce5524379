package dev.assist.bench;

import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.eval.GoldenEvaluator;
import dev.assist.eval.GoldenScores;
import dev.assist.eval.GoldenSet;
import dev.assist.eval.GoldenQuestion;
import dev.assist.eval.RetrievalEvaluator;
import dev.assist.eval.RetrievalSet;
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
 * {@code assist bench quality}: retrieval quality of BM25 alone, vectors alone, both fused (RRF,
 * convex and query-adaptive convex) and fused + re-ranked, in one run, on the golden set and the public retrieval sets.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Retrieval quality per retriever variant: golden set (Recall@5, MRR@10, hand-off) and public sets (nDCG@10, Recall@10).")
public final class QualityBenchmark implements Callable<Integer> {
    @Option(names = "--work", description = "Folder for the benchmark indexes (kept between runs; default: data/bench).")
    Path work;

    @Option(names = "--config", description = "Server configuration to start from (default: built-in).")
    Path config;

    @Option(names = "--max-queries", defaultValue = "600", description = "Queries per public set at most (sampled evenly; default: ${DEFAULT-VALUE}).")
    int maxQueries;

    @Option(names = "--sets", split = ",", defaultValue = "golden,dstc11_track5_knowledge,xquad_retrieval",
            description = "Which sets to run (default: ${DEFAULT-VALUE}).")
    List<String> sets;

    @Option(names = "--split", defaultValue = "all", description = "Golden split: dev, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    record Variant(String name, String retriever, String fusion, String rerank) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("bm25", "bm25", "rrf", "none"),
            new Variant("vector", "vector", "rrf", "none"),
            new Variant("hybrid-rrf", "hybrid", "rrf", "none"),
            new Variant("hybrid-convex", "hybrid", "convex", "none"),
            new Variant("hybrid-adaptive", "hybrid", "adaptive", "none"),
            new Variant("hybrid-rrf+rerank", "hybrid", "rrf", "passage"),
            new Variant("hybrid-convex+rerank", "hybrid", "convex", "passage"),
            new Variant("hybrid-adaptive+rerank", "hybrid", "adaptive", "passage"));

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : BenchIndexes.home().resolve("data/bench");
        AssistConfig base = ConfigLoader.load(config, Map.of());
        Embedder embedder = Embedders.create(dev.assist.embed.EmbedderConfig.defaults());
        PipelineFactory factory = PipelineFactory.forConfig(embedder, base);
        System.out.printf(Locale.ROOT, "model %s, %d cores, %s%n", embedder.modelId(),
                Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now());
        for (String set : sets) {
            if (set.equals("golden")) {
                golden(dir, base, embedder, factory);
            } else {
                publicSet(set, dir, base, embedder, factory);
            }
        }
        return 0;
    }

    private void golden(Path dir, AssistConfig base, Embedder embedder, PipelineFactory factory) throws Exception {
        Path index = dir.resolve("samples");
        BenchIndexes.ensure(BenchIndexes.home().resolve("knowledge-samples"), index, "lumora", embedder);
        List<GoldenQuestion> questions = GoldenSet.split(
                GoldenSet.read(BenchIndexes.home().resolve("eval/datasets/samples-golden.jsonl")), split);
        System.out.printf(Locale.ROOT, "%n== golden (samples-golden.jsonl, split %s, %d questions)%n", split, questions.size());
        try (LiveIndex live = LiveIndex.openReadOnly(index, embedder)) {
            for (Variant variant : VARIANTS) {
                AssistConfig config = configure(base, variant);
                var results = new GoldenEvaluator(factory.build(config, live.searchers(), StageObserver.NONE), "lumora").run(questions);
                System.out.printf(Locale.ROOT, "%-22s %s%n", variant.name(), GoldenScores.of(results).line());
            }
        }
    }

    private void publicSet(String name, Path dir, AssistConfig base, Embedder embedder, PipelineFactory factory) throws Exception {
        RetrievalSet set = RetrievalSet.read(BenchIndexes.sharedDatasets().resolve(name)).sample(maxQueries);
        Path index = dir.resolve(name);
        long start = System.nanoTime();
        var report = BenchIndexes.ensure(set.corpus(), index, "bench", embedder);
        System.out.printf(Locale.ROOT, "%n== %s (%d queries; index %s in %.1f s)%n", name, set.queries().size(),
                report.summary(), (System.nanoTime() - start) / 1e9);
        // Public sets are searched in the query's own language only, and ranked per document.
        AssistConfig ranking = base.withFallbackLanguages(List.of()).withRerank(base.rerank().forRanking(10, 1));
        try (LiveIndex live = LiveIndex.openReadOnly(index, embedder)) {
            for (Variant variant : VARIANTS) {
                AssistConfig config = configure(ranking, variant);
                var scores = RetrievalEvaluator.run(factory.build(config, live.searchers(), StageObserver.NONE), "bench", set);
                System.out.printf(Locale.ROOT, "%-22s %s%n", variant.name(), scores.line());
            }
        }
    }

    static AssistConfig configure(AssistConfig base, Variant variant) {
        return base.withRetrieval(base.retrieval().with(variant.retriever(), variant.fusion()))
                .withRerank(base.rerank().withKind(variant.rerank()));
    }
}
