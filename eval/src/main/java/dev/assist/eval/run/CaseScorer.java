package dev.assist.eval.run;

import dev.assist.compose.GroundingCheck;
import dev.assist.embed.Embedder;
import dev.assist.eval.Aggregate;
import dev.assist.eval.AnswerMetrics;
import dev.assist.eval.EvalCase;
import dev.assist.eval.Expectation;
import dev.assist.eval.Metric;
import dev.assist.eval.RankingMetrics;
import dev.assist.llm.CitationMarkers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a case and what a system did with it into per-row observations.
 *
 * <p>Answer metrics apply to rows that were answered (no hand-off): groundedness is the share of
 * the answer's sentences that the server's {@link GroundingCheck} finds supported (semantic or
 * lexical support) by the passages they cite, sentences too short to carry a claim left out;
 * citation precision and recall compare the cited articles with the relevant ones; the
 * reference similarity is the cosine of the answer's and the best reference's embeddings, and
 * SQuAD-style token F1.
 */
public final class CaseScorer {
    private final Embedder embedder;
    private final GroundingCheck grounding;

    public CaseScorer(Embedder embedder) {
        this.embedder = embedder;
        this.grounding = new GroundingCheck(embedder);
    }

    public CaseRow score(EvalCase c, Outcome o) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        if (c.judged()) {
            List<String> ranked = o.rankedIds();
            Set<String> relevant = c.relevant();
            values.put(Metric.RECALL_1, RankingMetrics.recall(ranked, relevant, 1));
            values.put(Metric.RECALL_5, RankingMetrics.recall(ranked, relevant, 5));
            values.put(Metric.RECALL_10, RankingMetrics.recall(ranked, relevant, 10));
            values.put(Metric.MRR_10, RankingMetrics.reciprocalRank(ranked, relevant, 10));
            values.put(Metric.NDCG_10, RankingMetrics.ndcg(ranked, c.grades(), 10));
        }
        values.put(Metric.HANDOFF_RATE, o.handoff() ? 1.0 : 0.0);
        if (c.expectation() != Expectation.UNLABELLED) {
            double code = Aggregate.code(o.handoff(), c.expectation() == Expectation.HANDOFF);
            values.put(Metric.HANDOFF_PRECISION, code);
            values.put(Metric.HANDOFF_RECALL, code);
            values.put(Metric.HANDOFF_F1, code);
        }
        if (!o.handoff() && !o.answer().isBlank()) {
            answerMetrics(c, o, values);
        }
        values.put(Metric.LATENCY_P50, o.totalMs());
        values.put(Metric.LATENCY_P95, o.totalMs());
        values.put(Metric.LATENCY_P99, o.totalMs());
        return new CaseRow(c, o, values, "");
    }

    /** A case the system failed on (an HTTP error, a crash): counted, never scored as a good answer. */
    public CaseRow failed(EvalCase c, String error) {
        Outcome empty = new Outcome(List.of(), "", List.of(), false, "", 0, "", "", "", List.of(), Map.of(), Double.NaN);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        if (c.judged()) {
            for (Metric m : List.of(Metric.RECALL_1, Metric.RECALL_5, Metric.RECALL_10, Metric.MRR_10, Metric.NDCG_10)) {
                values.put(m, 0.0);
            }
        }
        return new CaseRow(c, empty, values, error);
    }

    private void answerMetrics(EvalCase c, Outcome o, Map<Metric, Double> values) {
        values.put(Metric.GROUNDEDNESS, groundedness(o));
        List<String> cited = o.citedIds();
        Set<String> relevant = c.relevant();
        if (!relevant.isEmpty() && !cited.isEmpty()) {
            long hits = cited.stream().filter(relevant::contains).count();
            values.put(Metric.CITATION_PRECISION, (double) hits / cited.size());
            values.put(Metric.CITATION_RECALL, (double) hits / relevant.size());
        }
        if (!c.references().isEmpty()) {
            values.put(Metric.ANSWER_TOKEN_F1, AnswerMetrics.tokenF1(o.answer(), c.references()));
            values.put(Metric.ANSWER_TOKEN_RECALL, AnswerMetrics.tokenRecall(o.answer(), c.references()));
            values.put(Metric.ANSWER_COSINE, cosine(o.answer(), c.references()));
        }
    }

    private double groundedness(Outcome o) {
        if (o.evidence().isEmpty()) {
            return 0;
        }
        var result = grounding.check(o.answer(), o.evidence());
        int judged = 0;
        int supported = 0;
        for (var sentence : result.sentences()) {
            if (sentence.support() == GroundingCheck.Support.TRIVIAL) {
                continue;
            }
            judged++;
            if (sentence.supported()) {
                supported++;
            }
        }
        return judged == 0 ? Double.NaN : (double) supported / judged;
    }

    private double cosine(String answer, List<String> references) {
        List<String> texts = new ArrayList<>();
        texts.add(CitationMarkers.strip(answer));
        texts.addAll(references);
        List<float[]> vectors = embedder.embedDocuments(texts);
        double best = -1;
        for (int i = 1; i < vectors.size(); i++) {
            best = Math.max(best, dot(vectors.get(0), vectors.get(i)));
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
