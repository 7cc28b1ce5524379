package dev.assist.eval;

import dev.assist.compose.Citation;
import dev.assist.pipeline.Answer;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs golden questions through a pipeline, the way the API would answer them. */
public final class GoldenEvaluator {
    private final AssistPipeline pipeline;
    private final String tenant;

    public GoldenEvaluator(AssistPipeline pipeline, String tenant) {
        this.pipeline = pipeline;
        this.tenant = tenant;
    }

    public List<GoldenResult> run(List<GoldenQuestion> questions) {
        List<GoldenResult> results = new ArrayList<>(questions.size());
        for (GoldenQuestion question : questions) {
            long start = System.nanoTime();
            Answer answer = pipeline.answer(new AnswerRequest(tenant, question.channel(), question.question(),
                    question.history(), Optional.empty()));
            double ms = (System.nanoTime() - start) / 1e6;
            List<String> ranked = answer.retrieval().passages().stream().map(p -> p.passage().articleId()).distinct().toList();
            var composition = answer.composition();
            results.add(new GoldenResult(question, ranked, composition.citations().stream().map(Citation::articleId).toList(),
                    composition.handoff().recommended(), composition.confidence(), composition.signals(), composition.text(),
                    answer.retrieval().language(), answer.timingsMs(), ms));
        }
        return results;
    }
}
