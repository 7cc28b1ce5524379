package dev.assist.compose;

import dev.assist.rerank.ScoredPassage;
import dev.assist.rerank.ScoredSentence;
import dev.assist.rerank.SentenceScorer;
import dev.assist.rerank.TermCoverage;
import dev.assist.retrieve.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default composer, no language model needed: picks the few sentences of the top passages
 * that best answer the question, keeps them in reading order, cites their articles, and hands
 * off when the calibrated confidence is under the threshold.
 */
public final class ExtractiveComposer implements Composer {
    /** Term overlap (Jaccard) from which a sentence says the same as one already chosen. */
    private static final double REDUNDANT = 0.6;

    private final SentenceScorer scorer;
    private final ConfidenceModel confidence;
    private final ExtractiveSettings settings;
    private final SourceLanguageNotice notice = SourceLanguageNotice.bundled();

    public ExtractiveComposer(SentenceScorer scorer, ConfidenceModel confidence, ExtractiveSettings settings) {
        this.scorer = scorer;
        this.confidence = confidence;
        this.settings = settings;
    }

    @Override
    public Composition compose(ComposeInput input) {
        List<ScoredPassage> top = input.passages().stream().limit(settings.passages()).toList();
        List<ArticleRef> tried = tried(input.passages());
        if (top.isEmpty()) {
            return new Composition("", List.of(), 0, Handoff.because(HandoffReason.NO_RESULTS, tried), AnswerMode.EXTRACTIVE,
                    ConfidenceSignals.NONE);
        }
        Map<String, List<ScoredSentence>> sentences = sentencesOf(input.question(), top);
        List<Pick> picks = pick(top, sentences);
        if (picks.isEmpty()) {
            return new Composition("", List.of(), 0, Handoff.because(HandoffReason.LOW_CONFIDENCE, tried), AnswerMode.EXTRACTIVE,
                    ConfidenceSignals.NONE);
        }
        double best = picks.stream().mapToDouble(p -> p.sentence().similarity()).max().orElse(0);
        double coverage = answerCoverage(input.question(), input.language(), picks);
        float[] question = scorer.questionVector(input.question());
        Passage first = top.getFirst().passage();
        double topSimilarity = first.vector() == null ? best : dot(question, first.vector());
        ConfidenceSignals signals = new ConfidenceSignals(best, coverage, topSimilarity);
        double p = confidence.confidence(signals);

        Answer answer = render(picks, input.language());
        Handoff handoff = p < settings.threshold() ? Handoff.because(HandoffReason.LOW_CONFIDENCE, tried) : Handoff.none();
        return new Composition(handoff.recommended() ? "" : answer.text(), handoff.recommended() ? List.of() : answer.citations(),
                p, handoff, AnswerMode.EXTRACTIVE, signals);
    }

    /**
     * The answer as it would read, even when confidence says not to send it (the eval looks at both).
     * Quoting only articles in another language than the customer's, it says so first.
     */
    private Answer render(List<Pick> picks, String language) {
        Map<String, Citation> citations = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        boolean inTheirLanguage = picks.stream().anyMatch(p -> p.passage().passage().language().equals(language));
        if (!inTheirLanguage) {
            notice.of(language, picks.getFirst().passage().passage().language()).ifPresent(text::append);
        }
        for (Pick pick : picks) {
            Passage passage = pick.passage().passage();
            Citation citation = citations.computeIfAbsent(passage.articleId(), id -> new Citation(citations.size() + 1, id,
                    passage.title(), passage.chunk().url(), snippet(pick)));
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SentenceText.prose(pick.sentence().text())).append(" [").append(citation.n()).append(']');
        }
        return new Answer(text.toString(), List.copyOf(citations.values()));
    }

    private record Answer(String text, List<Citation> citations) {
    }

    private Map<String, List<ScoredSentence>> sentencesOf(String question, List<ScoredPassage> top) {
        List<Passage> missing = top.stream().filter(p -> p.sentences().isEmpty()).map(ScoredPassage::passage).toList();
        Map<String, List<ScoredSentence>> scored = missing.isEmpty() ? new LinkedHashMap<>() : new LinkedHashMap<>(scorer.score(question, missing));
        for (ScoredPassage passage : top) {
            if (!passage.sentences().isEmpty()) {
                scored.put(passage.passage().id(), passage.sentences());
            }
        }
        return scored;
    }

    /**
     * The best sentence overall, then others within a margin of it, at most a few; in the order
     * of their passages' ranks, and inside a passage in reading order.
     */
    private List<Pick> pick(List<ScoredPassage> top, Map<String, List<ScoredSentence>> sentences) {
        List<Pick> all = new ArrayList<>();
        for (int rank = 0; rank < top.size(); rank++) {
            for (ScoredSentence sentence : sentences.getOrDefault(top.get(rank).passage().id(), List.of())) {
                if (SentenceText.usable(sentence.text())) {
                    double value = sentence.similarity() + settings.coverageWeight() * sentence.coverage()
                            - settings.rankPenalty() * rank;
                    all.add(new Pick(top.get(rank), rank, sentence, value));
                }
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingDouble(Pick::value).reversed());
        double cutoff = all.getFirst().value() - settings.margin();
        List<Set<String>> chosenTerms = new ArrayList<>();
        List<Pick> chosen = new ArrayList<>();
        for (Pick pick : all) {
            if (chosen.size() == settings.maxSentences() || pick.value() < cutoff) {
                break;
            }
            // Chunks overlap and articles repeat their key step: say each thing once.
            Set<String> terms = pick.sentence().terms();
            if (chosenTerms.stream().noneMatch(other -> jaccard(terms, other) >= REDUNDANT)) {
                chosenTerms.add(terms);
                chosen.add(pick);
            }
        }
        chosen.sort(Comparator.comparingInt(Pick::rank).thenComparingInt(p -> p.sentence().position()));
        return chosen;
    }

    private double answerCoverage(String question, String language, List<Pick> picks) {
        TermCoverage terms = scorer.terms();
        String lang = picks.getFirst().passage().passage().language();
        Set<String> present = new LinkedHashSet<>();
        for (Pick pick : picks) {
            present.addAll(terms.terms(pick.passage().passage().title(), lang));
            present.addAll(pick.sentence().terms());
        }
        return TermCoverage.coverage(terms.terms(question, lang), present);
    }

    private static List<ArticleRef> tried(List<ScoredPassage> passages) {
        Map<String, ArticleRef> refs = new LinkedHashMap<>();
        for (ScoredPassage passage : passages) {
            Passage p = passage.passage();
            refs.putIfAbsent(p.articleId(), new ArticleRef(p.articleId(), p.title(), p.chunk().url()));
        }
        return refs.values().stream().limit(3).toList();
    }

    private static String snippet(Pick pick) {
        return SentenceText.shorten(SentenceText.prose(pick.sentence().text()), 240);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / union.size();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private record Pick(ScoredPassage passage, int rank, ScoredSentence sentence, double value) {
    }
}
