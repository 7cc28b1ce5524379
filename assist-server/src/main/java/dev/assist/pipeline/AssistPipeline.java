package dev.assist.pipeline;

import dev.assist.compose.ComposeInput;
import dev.assist.compose.Composer;
import dev.assist.compose.Composition;
import dev.assist.conversation.QuestionLanguage;
import dev.assist.rerank.Diversifier;
import dev.assist.rerank.RerankQuery;
import dev.assist.rerank.Reranker;
import dev.assist.rerank.ScoredPassage;
import dev.assist.retrieve.Candidate;
import dev.assist.retrieve.Retriever;
import dev.assist.retrieve.SearchQuery;
import dev.assist.rewrite.QueryRewriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The read side in one place: language, rewrite, retrieve, re-rank, diversify, compose. Each stage
 * is an interface picked by configuration, so an A/B variant is another pipeline, not other code.
 */
public final class AssistPipeline {
    private final QuestionLanguage language;
    private final QueryRewriter rewriter;
    private final Retriever retriever;
    private final Reranker reranker;
    private final Diversifier diversifier;
    private final Composer composer;
    private final PipelineSettings settings;
    private final StageObserver observer;

    public AssistPipeline(QuestionLanguage language, QueryRewriter rewriter, Retriever retriever, Reranker reranker,
                          Diversifier diversifier, Composer composer, PipelineSettings settings, StageObserver observer) {
        this.language = language;
        this.rewriter = rewriter;
        this.retriever = retriever;
        this.reranker = reranker;
        this.diversifier = diversifier;
        this.composer = composer;
        this.settings = settings;
        this.observer = observer;
    }

    public Answer answer(AnswerRequest request) {
        StageTimings timings = new StageTimings(observer);
        Retrieval retrieval = retrieve(request, timings);
        Composition composition = timings.time(Stage.COMPOSE, () -> composer.compose(composeInput(request, retrieval)));
        return new Answer(UUID.randomUUID().toString(), retrieval, composition, timings.millis());
    }

    /**
     * Answers while streaming: {@code onRetrieved} gets the answer id and the passages before
     * composing starts (the API sends them as the stream's first event), then {@code onDelta}
     * receives the answer in pieces as it is made. The returned answer is final and may differ
     * from what was streamed when a generated answer failed its grounding check.
     */
    public Answer answer(AnswerRequest request, BiConsumer<String, Retrieval> onRetrieved, Consumer<String> onDelta) {
        String answerId = UUID.randomUUID().toString();
        StageTimings timings = new StageTimings(observer);
        Retrieval retrieval = retrieve(request, timings);
        onRetrieved.accept(answerId, retrieval);
        Composition composition = timings.time(Stage.COMPOSE, () -> composer.compose(composeInput(request, retrieval), onDelta));
        return new Answer(answerId, retrieval, composition, timings.millis());
    }

    /** Whether answers are generated (and so worth streaming as they are made) rather than extracted. */
    public boolean generative() {
        return composer instanceof dev.assist.compose.GenerativeComposer;
    }

    private static ComposeInput composeInput(AnswerRequest request, Retrieval retrieval) {
        return new ComposeInput(retrieval.query(), retrieval.language(), retrieval.passages(), request.history());
    }

    /** Search only: the ranked passages the answer would be composed from. */
    public Retrieval search(AnswerRequest request, StageTimings timings) {
        return retrieve(request, timings);
    }

    public StageTimings newTimings() {
        return new StageTimings(observer);
    }

    private Retrieval retrieve(AnswerRequest request, StageTimings timings) {
        String lang = timings.time(Stage.LANGUAGE, () -> language.resolve(request.locale(), request.question(), request.history()));
        String query = timings.time(Stage.REWRITE, () -> rewriter.rewrite(request.history(), request.question(), lang));
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(concat(lang, settings.fallbackLanguages())));
        SearchQuery search = new SearchQuery(request.tenant(), query, languages, request.channel(), settings.candidates());
        List<Candidate> candidates = timings.time(Stage.RETRIEVE, () -> retriever.retrieve(search));
        List<ScoredPassage> ranked = timings.time(Stage.RERANK, () ->
                diversifier.diversify(reranker.rerank(new RerankQuery(query, request.question(), lang), candidates), settings.passages()));
        return new Retrieval(query, lang, ranked);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
