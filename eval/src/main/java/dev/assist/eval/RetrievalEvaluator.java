package dev.assist.eval;

import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.retrieve.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** nDCG@10 and Recall@10 of a pipeline's ranked passages on a public retrieval set. */
public final class RetrievalEvaluator {
    private RetrievalEvaluator() {
    }

    public record Scores(int queries, double ndcg10, double recall10) {
        public String line() {
            return String.format(Locale.ROOT, "queries=%d ndcg@10=%.4f recall@10=%.4f", queries, ndcg10, recall10);
        }
    }

    public static Scores run(AssistPipeline pipeline, String tenant, RetrievalSet set) {
        double ndcg = 0;
        double recall = 0;
        for (RetrievalSet.Query query : set.queries()) {
            AnswerRequest request = new AnswerRequest(tenant, Channel.BOT, query.text(), query.context(), Optional.of(query.lang()));
            List<String> ranked = pipeline.search(request, pipeline.newTimings()).passages().stream()
                    .map(p -> p.passage().articleId()).distinct().toList();
            ndcg += RankingMetrics.ndcg(ranked, query.relevant(), 10);
            recall += RankingMetrics.recall(ranked, query.relevant(), 10);
        }
        int n = set.queries().size();
        return new Scores(n, n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n);
    }
}
