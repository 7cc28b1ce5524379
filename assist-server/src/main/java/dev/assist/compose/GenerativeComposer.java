package dev.assist.compose;

import dev.assist.llm.GeneratedAnswer;
import dev.assist.llm.GenerationInput;
import dev.assist.llm.LlmAnswerGenerator;
import dev.assist.llm.LlmUnavailableException;
import dev.assist.llm.NumberedPassage;
import dev.assist.rerank.ScoredPassage;
import dev.assist.retrieve.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers with a language model from the top passages, then checks every sentence against the
 * passages it cites. The extractive answer is always composed first (it is cheap) and is what
 * the customer gets when the model is unavailable, slow, or writes something the passages do not
 * support; when neither is good enough, it hands off.
 */
public final class GenerativeComposer implements Composer {
    private final LlmAnswerGenerator generator;
    private final GroundingCheck grounding;
    private final ExtractiveComposer extractive;
    private final int passages;

    public GenerativeComposer(LlmAnswerGenerator generator, GroundingCheck grounding, ExtractiveComposer extractive, int passages) {
        this.generator = generator;
        this.grounding = grounding;
        this.extractive = extractive;
        this.passages = passages;
    }

    @Override
    public Composition compose(ComposeInput input) {
        return compose(input, null);
    }

    @Override
    public Composition compose(ComposeInput input, Consumer<String> onDelta) {
        Composition fallback = extractive.compose(input);
        if (input.passages().isEmpty()) {
            return emit(fallback, input.language(), onDelta);
        }
        List<ScoredPassage> top = input.passages().stream().limit(passages).toList();
        List<NumberedPassage> numbered = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Passage p = top.get(i).passage();
            numbered.add(new NumberedPassage(i + 1, p.articleId(), p.title(), p.text()));
        }
        GenerationInput generation = new GenerationInput(input.question(), input.language(), input.history(), numbered);
        GeneratedAnswer generated;
        try {
            generated = onDelta == null ? generator.generate(generation) : generator.stream(generation, onDelta);
        } catch (LlmUnavailableException e) {
            return onDelta == null ? fallback : emit(fallback, input.language(), onDelta);
        }
        if (generated.declined()) {
            return new Composition("", List.of(), Math.min(fallback.confidence(), 0.5),
                    Handoff.because(HandoffReason.MODEL_DECLINED, fallback.handoff().tried().isEmpty()
                            ? tried(top) : fallback.handoff().tried()),
                    AnswerMode.GENERATIVE, fallback.signals());
        }
        List<NumberedPassage> cited = numbered.stream().filter(p -> generated.citedNumbers().contains(p.n())).toList();
        GroundingCheck.GroundingResult check = grounding.check(generated.text(), cited.isEmpty() ? numbered : cited);
        if (!check.grounded() || cited.isEmpty()) {
            if (!fallback.handoff().recommended()) {
                return fallback;
            }
            return new Composition("", List.of(), fallback.confidence(),
                    Handoff.because(HandoffReason.UNGROUNDED, fallback.handoff().tried()), AnswerMode.GENERATIVE, fallback.signals());
        }
        List<Citation> citations = cited.stream().map(p -> {
            Passage passage = top.get(p.n() - 1).passage();
            String snippet = passage.text().length() <= 240 ? passage.text() : passage.text().substring(0, 237) + "...";
            return new Citation(p.n(), passage.articleId(), passage.title(), passage.chunk().url(), snippet);
        }).toList();
        return new Composition(generated.text(), citations, Math.max(fallback.confidence(), 0.5), Handoff.none(),
                AnswerMode.GENERATIVE, fallback.signals());
    }

    private static Composition emit(Composition composition, String language, Consumer<String> onDelta) {
        if (onDelta != null) {
            AnswerPieces.of(composition.text(), language).forEach(onDelta);
        }
        return composition;
    }

    private static List<ArticleRef> tried(List<ScoredPassage> top) {
        return top.stream().map(ScoredPassage::passage)
                .map(p -> new ArticleRef(p.articleId(), p.title(), p.chunk().url())).distinct().limit(3).toList();
    }
}
