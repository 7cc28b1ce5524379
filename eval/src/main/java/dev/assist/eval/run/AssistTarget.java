package dev.assist.eval.run;

import dev.assist.compose.Citation;
import dev.assist.config.AssistConfig;
import dev.assist.eval.EvalCase;
import dev.assist.llm.NumberedPassage;
import dev.assist.pipeline.Answer;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.pipeline.PipelineFactory;
import dev.assist.pipeline.StageObserver;
import dev.assist.rerank.ScoredPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.search.SearcherManager;

/**
 * Assist's own pipeline, in process, as the API runs it: the answer comes from the configured
 * pipeline ({@code POST /v1/answer}); the ranking that retrieval metrics score comes from the same
 * pipeline configured for result lists, one passage per article ({@code POST /v1/search}).
 */
public final class AssistTarget implements EvalTarget {
    /** Articles a ranking keeps; the server's search limit is 20. */
    static final int RANKED = 20;

    private final AssistPipeline answers;
    private final AssistPipeline search;
    private final String tenant;
    private final boolean warmByAnswering;
    private final Runnable newQuestion;

    public AssistTarget(PipelineFactory factory, AssistConfig config, SearcherManager searchers, String tenant,
                        boolean ownLanguageOnly) {
        this.warmByAnswering = !factory.llm().enabled();
        this.newQuestion = factory::forgetQueries;
        AssistConfig effective = ownLanguageOnly ? config.withFallbackLanguages(List.of()) : config;
        this.answers = factory.build(effective, searchers, StageObserver.NONE);
        this.search = factory.build(effective.withRerank(effective.rerank().forRanking(RANKED, 1)), searchers, StageObserver.NONE);
        this.tenant = tenant;
    }

    /**
     * Searches and composes an extractive answer, so the sentence vectors of the candidates are
     * cached; with a language model it only searches (warming must not spend model calls).
     */
    @Override
    public void warm(EvalCase c) {
        AnswerRequest request = new AnswerRequest(tenant, c.channel(), c.question(), c.history(), c.locale());
        search.search(request, search.newTimings());
        if (warmByAnswering) {
            answers.answer(request);
        }
    }

    @Override
    public Outcome run(EvalCase c) {
        AnswerRequest request = new AnswerRequest(tenant, c.channel(), c.question(), c.history(), c.locale());
        newQuestion.run();
        long start = System.nanoTime();
        Answer answer = answers.answer(request);
        double totalMs = (System.nanoTime() - start) / 1e6;
        List<ScoredPassage> ranking = search.search(request, search.newTimings()).passages();
        List<Outcome.RankedArticle> ranked = new ArrayList<>();
        ranking.stream().map(p -> p.passage()).forEach(p -> {
            if (ranked.stream().noneMatch(r -> r.articleId().equals(p.articleId()))) {
                ranked.add(new Outcome.RankedArticle(p.articleId(), p.title(), snippet(p.text())));
            }
        });
        var composition = answer.composition();
        List<Outcome.CitedArticle> cited = composition.citations().stream()
                .map(ci -> new Outcome.CitedArticle(ci.n(), ci.articleId())).toList();
        return new Outcome(ranked, composition.text(), cited, composition.handoff().recommended(),
                composition.handoff().reason() == null ? "" : composition.handoff().reason().wireName(),
                composition.confidence(), composition.mode().wireName(), answer.retrieval().query(),
                answer.retrieval().language(), evidence(composition.citations(), answer.retrieval().passages()),
                answer.timingsMs(), totalMs);
    }

    /** For each citation, the retrieved passages of its article joined: what the answer could rest on. */
    static List<NumberedPassage> evidence(List<Citation> citations, List<ScoredPassage> passages) {
        Map<String, List<ScoredPassage>> byArticle = passages.stream()
                .collect(Collectors.groupingBy(p -> p.passage().articleId(), LinkedHashMap::new, Collectors.toList()));
        List<NumberedPassage> evidence = new ArrayList<>();
        for (Citation citation : citations) {
            List<ScoredPassage> of = byArticle.getOrDefault(citation.articleId(), List.of());
            String text = of.isEmpty() ? citation.snippet()
                    : of.stream().map(p -> p.passage().text()).collect(Collectors.joining("\n"));
            evidence.add(new NumberedPassage(citation.n(), citation.articleId(), citation.title(), text));
        }
        return evidence;
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 240 ? flat : flat.substring(0, 237) + "...";
    }
}
