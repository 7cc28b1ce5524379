package dev.assist.eval;

import dev.assist.bench.BenchIndexes;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigLoader;
import dev.assist.embed.Embedder;
import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;
import dev.assist.index.LanguageAnalyzers;
import dev.assist.knowledge.LiveIndex;
import dev.assist.pipeline.PipelineFactory;
import dev.assist.rerank.PassageReranker;
import dev.assist.rerank.RerankFeatures;
import dev.assist.rerank.RerankQuery;
import dev.assist.rerank.SentenceScorer;
import dev.assist.rerank.SentenceVectors;
import dev.assist.rerank.TermCoverage;
import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.HybridRetriever;
import dev.assist.retrieve.LexicalRetriever;
import dev.assist.retrieve.QueryEncoder;
import dev.assist.retrieve.RetrieverKind;
import dev.assist.retrieve.SearchQuery;
import dev.assist.retrieve.VectorLanguages;
import dev.assist.rewrite.HistoryQueryRewriter;
import dev.assist.conversation.Turn;
import dev.assist.retrieve.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist train reranker}: fits the passage re-ranker's feature weights (pointwise logistic
 * regression: is this candidate's article relevant?) on an equal number of queries from each
 * training set, so no one corpus dominates, and prints the weights to keep.
 */
@Command(name = "reranker", mixinStandardHelpOptions = true,
        description = "Fit the passage re-ranker's weights on the golden dev split and shared retrieval sets; prints the YAML to keep.")
public final class FitRerankerCommand implements Callable<Integer> {
    @Option(names = "--sets", split = ",", defaultValue = "golden,dstc11_track5_knowledge,xquad_retrieval")
    List<String> sets;

    @Option(names = "--queries", defaultValue = "200", description = "Queries per set (default: ${DEFAULT-VALUE}).")
    int queriesPerSet;

    @Option(names = "--config", description = "Server configuration (fusion, depths) to fit under.")
    Path config;

    @Option(names = "--work", description = "Folder for the indexes (default: data/bench).")
    Path work;

    @Option(names = "--bench-queries", defaultValue = "400", description = "Queries per shared set that "
            + "'bench quality --max-queries N' reports; those are never fitted on (default: ${DEFAULT-VALUE}).")
    int benchQueries;

    private record Labelled(RerankFeatures features, boolean relevant) {
    }

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : BenchIndexes.home().resolve("data/bench");
        AssistConfig base = ConfigLoader.load(config, Map.of());
        Embedder embedder = Embedders.create(EmbedderConfig.defaults());
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        QueryEncoder encoder = new QueryEncoder(embedder, 10_000);
        PassageReranker features = new PassageReranker(new SentenceScorer(encoder, new SentenceVectors(embedder, 200_000),
                new TermCoverage(analyzers)), base.rerank().weights(), base.rerank().depth());
        HistoryQueryRewriter rewriter = new HistoryQueryRewriter(analyzers);
        VectorLanguages trusted = VectorLanguages.of(base.retrieval().vectorLanguages());
        List<Labelled> rows = new ArrayList<>();
        for (String set : sets) {
            List<TrainingQuery> queries = queries(set, dir, embedder, trusted);
            Path index = dir.resolve(set.equals("golden") ? "samples" : set);
            try (LiveIndex live = LiveIndex.openReadOnly(index, embedder)) {
                HybridRetriever retriever = new HybridRetriever(live.searchers(), new LexicalRetriever(analyzers,
                        base.retrieval().titleBoost()), encoder, PipelineFactory.fusion(base.retrieval()), RetrieverKind.HYBRID, base.retrieval().depth(),
                        trusted);
                int before = rows.size();
                for (TrainingQuery q : queries) {
                    String text = rewriter.rewrite(q.history(), q.text(), q.lang());
                    List<Candidate> candidates = retriever.retrieve(new SearchQuery(q.tenant(), text,
                            q.languages(), q.channel(), base.rerank().depth()));
                    features.features(new RerankQuery(text, q.text(), q.lang()), candidates).forEach((candidate, scored) ->
                            rows.add(new Labelled(scored.features(), q.relevant().contains(candidate.passage().articleId()))));
                }
                System.out.printf(Locale.ROOT, "%s: %d queries, %d candidates%n", set, queries.size(), rows.size() - before);
            }
        }
        double[][] x = rows.stream().map(r -> r.features().toArray()).toArray(double[][]::new);
        int[] y = rows.stream().mapToInt(r -> r.relevant() ? 1 : 0).toArray();
        double[] w = LogisticRegression.fit(x, y, 0.001, 4000);
        System.out.printf(Locale.ROOT, """
                # fitted by: ./assist train reranker --sets %s --queries %d --bench-queries %d (%s, fusion %s)
                rerank:
                  weights:
                    fused: %.3f
                    chunk_similarity: %.3f
                    best_sentence: %.3f
                    asked_sentence: %.3f
                    title_coverage: %.3f
                    term_coverage: %.3f
                    lexical: %.3f
                    vector: %.3f
                """, String.join(",", sets), queriesPerSet, benchQueries, java.time.LocalDate.now(), base.retrieval().fusion(),
                w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8]);
        return 0;
    }

    private record TrainingQuery(String tenant, String text, String lang, List<String> languages, Channel channel,
                                 List<Turn> history, Set<String> relevant) {
    }

    /** Up to {@code --queries} questions of one set, in the languages the re-ranker is used for. */
    private List<TrainingQuery> queries(String set, Path dir, Embedder embedder, VectorLanguages trusted) throws Exception {
        List<TrainingQuery> queries = new ArrayList<>();
        if (set.equals("golden")) {
            BenchIndexes.ensure(BenchIndexes.home().resolve("knowledge-samples"), dir.resolve("samples"), "lumora", embedder);
            List<GoldenQuestion> dev = GoldenSet.split(GoldenSet.read(BenchIndexes.home().resolve("eval/datasets/samples-golden.jsonl")), "dev");
            for (GoldenQuestion q : dev) {
                if (q.answerable() && trusted.trusts(q.lang()) && queries.size() < queriesPerSet) {
                    queries.add(new TrainingQuery("lumora", q.question(), q.lang(), List.of(q.lang(), "en"), q.channel(),
                            q.history(), q.relevantIds()));
                }
            }
            return queries;
        }
        RetrievalSet data = RetrievalSet.read(BenchIndexes.sharedDatasets().resolve(set));
        BenchIndexes.ensure(data.corpus(), dir.resolve(set), "bench", embedder);
        // An even sample of the queries the quality bench does not report, so its numbers stay held out.
        RetrievalSet unreported = data.without(data.sample(benchQueries));
        RetrievalSet usable = new RetrievalSet(set, data.corpus(),
                unreported.queries().stream().filter(q -> trusted.trusts(q.lang())).toList());
        for (RetrievalSet.Query q : usable.sample(queriesPerSet).queries()) {
            queries.add(new TrainingQuery("bench", q.text(), q.lang(), List.of(q.lang()), Channel.BOT, q.context(), q.relevant()));
        }
        return queries;
    }
}
