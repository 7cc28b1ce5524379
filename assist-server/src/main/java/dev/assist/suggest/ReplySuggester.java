package dev.assist.suggest;

import dev.assist.compose.ArticleRef;
import dev.assist.compose.Citation;
import dev.assist.compose.SentenceText;
import dev.assist.compose.Snippets;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.pipeline.AssistPipeline;
import dev.assist.pipeline.Retrieval;
import dev.assist.pipeline.Stage;
import dev.assist.pipeline.StageTimings;
import dev.assist.rerank.ScoredPassage;
import dev.assist.rerank.ScoredSentence;
import dev.assist.rerank.SentenceSplitter;
import dev.assist.retrieve.Channel;
import dev.assist.retrieve.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reply drafts for an agent, extractive like the default answers: the ticket is searched as an
 * agent (internal articles included), and three replies are written from the public passages
 * only: a concise one, a step-by-step one that follows the best article's own numbered
 * instructions, and an empathetic one that acknowledges the problem before answering. Internal
 * articles never leak into a draft; their most relevant sentences come back as notes for the agent.
 */
public final class ReplySuggester {
    private static final int MAX_ARTICLES = 5;
    private static final int MAX_NOTES = 3;
    private static final int MAX_STEPS = 8;
    private static final int STEP_PASSAGES = 3;
    private static final double CONCISE_MARGIN = 0.06;
    private static final double EMPATHETIC_MARGIN = 0.12;
    private static final double COVERAGE_WEIGHT = 0.3;
    private static final double RANK_PENALTY = 0.02;

    private final AssistPipeline pipeline;
    private final ReplyPhrases phrases;

    public ReplySuggester(AssistPipeline pipeline, ReplyPhrases phrases) {
        this.pipeline = pipeline;
        this.phrases = phrases;
    }

    public Suggestions suggest(SuggestionRequest request) {
        AnswerRequest ask = question(request);
        StageTimings timings = pipeline.newTimings();
        Retrieval retrieval = pipeline.search(ask, timings);
        List<Pick> all = picks(retrieval.passages());
        List<Pick> shareable = all.stream().filter(p -> !p.internal()).toList();
        ReplyPhrases.Phrases words = phrases.of(retrieval.language());
        List<ReplyDraft> drafts = timings.time(Stage.COMPOSE, () -> shareable.isEmpty()
                ? holdingDrafts(words)
                : List.of(concise(shareable, words), stepByStep(retrieval.passages(), shareable, words),
                        empathetic(request.subject(), shareable, words)));
        return new Suggestions(retrieval.query(), retrieval.language(), drafts, articles(retrieval.passages()),
                notes(all), !shareable.isEmpty(), timings.millis());
    }

    /** The last customer message (with the subject in front) is the question; what came before is history. */
    private static AnswerRequest question(SuggestionRequest request) {
        List<Turn> messages = request.messages();
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if (messages.get(i).role() == Role.CUSTOMER && !messages.get(i).text().isBlank()) {
                last = i;
            }
        }
        String message = last < 0 ? "" : messages.get(last).text().strip();
        String subject = request.subject();
        String question = subject.isEmpty() || message.toLowerCase(Locale.ROOT).contains(subject.toLowerCase(Locale.ROOT))
                ? (message.isEmpty() ? subject : message)
                : subject + "\n" + message;
        List<Turn> history = last < 0 ? List.of() : messages.subList(0, last);
        return new AnswerRequest(request.tenant(), Channel.AGENT, question, history, request.locale());
    }

    private ReplyDraft concise(List<Pick> shareable, ReplyPhrases.Phrases words) {
        Citations citations = new Citations();
        List<Pick> chosen = best(shareable, CONCISE_MARGIN, 2);
        StringBuilder text = new StringBuilder(words.greeting()).append("\n\n").append(sentences(chosen, citations));
        moreDetails(chosen.getFirst().passage(), words).ifPresent(line -> text.append("\n\n").append(line));
        text.append("\n\n").append(words.signOff());
        return new ReplyDraft(DraftKind.CONCISE, text.toString(), citations.list());
    }

    private ReplyDraft stepByStep(List<ScoredPassage> passages, List<Pick> shareable, ReplyPhrases.Phrases words) {
        Citations citations = new Citations();
        StringBuilder text = new StringBuilder(words.greeting()).append("\n\n");
        Optional<Steps> steps = steps(passages, shareable, InstructionLists::numbered)
                .or(() -> steps(passages, shareable, InstructionLists::bullets));
        ScoredPassage source;
        if (steps.isPresent()) {
            source = steps.get().passage();
            int n = citations.cite(source, steps.get().lines().getFirst());
            text.append(words.stepsIntro()).append("\n\n");
            List<String> lines = steps.get().lines();
            for (int i = 0; i < lines.size(); i++) {
                text.append(i + 1).append(". ").append(lines.get(i)).append(i == lines.size() - 1 ? " [" + n + "]" : "")
                        .append('\n');
            }
        } else {
            List<Pick> points = distinctArticles(shareable, 3);
            source = points.getFirst().passage();
            text.append(words.pointsIntro()).append("\n\n");
            for (int i = 0; i < points.size(); i++) {
                Pick point = points.get(i);
                int n = citations.cite(point.passage(), point.text());
                text.append(i + 1).append(". ").append(SentenceText.prose(point.text())).append(" [").append(n).append("]\n");
            }
        }
        moreDetails(source, words).ifPresent(line -> text.append('\n').append(line).append('\n'));
        text.append('\n').append(words.signOff());
        return new ReplyDraft(DraftKind.STEP_BY_STEP, text.toString(), citations.list());
    }

    private ReplyDraft empathetic(String subject, List<Pick> shareable, ReplyPhrases.Phrases words) {
        Citations citations = new Citations();
        String acknowledgement = subject.isEmpty() ? words.acknowledge() : words.acknowledgeSubject().replace("{subject}", subject);
        String text = words.greeting() + "\n\n" + acknowledgement + " " + words.understand() + "\n\n"
                + sentences(best(shareable, EMPATHETIC_MARGIN, 3), citations) + "\n\n"
                + words.closingOffer() + "\n\n" + words.signOff();
        return new ReplyDraft(DraftKind.EMPATHETIC, text, citations.list());
    }

    /** Nothing public matched: replies that acknowledge and ask, and answer nothing. */
    private static List<ReplyDraft> holdingDrafts(ReplyPhrases.Phrases words) {
        StringBuilder clarify = new StringBuilder(words.greeting()).append("\n\n").append(words.clarifyIntro()).append("\n\n");
        for (int i = 0; i < words.clarifySteps().size(); i++) {
            clarify.append(i + 1).append(". ").append(words.clarifySteps().get(i)).append('\n');
        }
        clarify.append('\n').append(words.signOff());
        return List.of(
                new ReplyDraft(DraftKind.CONCISE, words.greeting() + "\n\n" + words.holding(), List.of()),
                new ReplyDraft(DraftKind.STEP_BY_STEP, clarify.toString(), List.of()),
                new ReplyDraft(DraftKind.EMPATHETIC, words.greeting() + "\n\n" + words.holdingEmpathetic() + "\n\n"
                        + words.signOff(), List.of()));
    }

    /** Sentences in reading order, each article's citation after its last sentence in a row. */
    private static String sentences(List<Pick> chosen, Citations citations) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            Pick pick = chosen.get(i);
            int n = citations.cite(pick.passage(), pick.text());
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SentenceText.prose(pick.text()));
            boolean sameArticleNext = i + 1 < chosen.size()
                    && chosen.get(i + 1).passage().passage().articleId().equals(pick.passage().passage().articleId());
            if (!sameArticleNext) {
                text.append(" [").append(n).append(']');
            }
        }
        return text.toString();
    }

    private static Optional<String> moreDetails(ScoredPassage passage, ReplyPhrases.Phrases words) {
        Passage p = passage.passage();
        if (p.chunk().url() == null || p.chunk().url().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(words.moreDetails().replace("{title}", p.title()).replace("{url}", p.chunk().url()));
    }

    /** The best sentence and the others within a margin of it, at most {@code max}, best first: a reply leads with its answer. */
    private static List<Pick> best(List<Pick> picks, double margin, int max) {
        double cutoff = picks.getFirst().value() - margin;
        Set<String> seen = new LinkedHashSet<>();
        List<Pick> chosen = new ArrayList<>();
        for (Pick pick : picks) {
            if (chosen.size() == max || pick.value() < cutoff) {
                break;
            }
            if (seen.add(SentenceText.prose(pick.text()))) {
                chosen.add(pick);
            }
        }
        return chosen;
    }

    private static List<Pick> distinctArticles(List<Pick> picks, int max) {
        Map<String, Pick> byArticle = new LinkedHashMap<>();
        for (Pick pick : picks) {
            if (byArticle.size() == max) {
                break;
            }
            byArticle.putIfAbsent(pick.passage().passage().articleId(), pick);
        }
        return List.copyOf(byArticle.values());
    }

    /**
     * The list of the first public passage (of the top few) that has one, and in it the list
     * holding the sentence that best matches the ticket.
     */
    private static Optional<Steps> steps(List<ScoredPassage> passages, List<Pick> shareable,
                                         Function<String, List<List<String>>> lists) {
        int seen = 0;
        for (ScoredPassage passage : passages) {
            if (passage.passage().chunk().isInternal()) {
                continue;
            }
            if (seen++ == STEP_PASSAGES) {
                break;
            }
            List<List<String>> runs = lists.apply(passage.passage().text());
            if (runs.isEmpty()) {
                continue;
            }
            List<String> best = runs.getFirst();
            double bestValue = Double.NEGATIVE_INFINITY;
            for (List<String> run : runs) {
                double value = shareable.stream()
                        .filter(p -> p.passage() == passage && run.stream().anyMatch(item -> item.contains(SentenceText.prose(p.text()))))
                        .mapToDouble(Pick::value).max().orElse(Double.NEGATIVE_INFINITY);
                if (value > bestValue) {
                    bestValue = value;
                    best = run;
                }
            }
            return Optional.of(new Steps(passage, best.stream().limit(MAX_STEPS).toList()));
        }
        return Optional.empty();
    }

    private static List<RelevantArticle> articles(List<ScoredPassage> passages) {
        Map<String, RelevantArticle> articles = new LinkedHashMap<>();
        for (ScoredPassage passage : passages) {
            Passage p = passage.passage();
            if (articles.size() < MAX_ARTICLES && !articles.containsKey(p.articleId())) {
                articles.put(p.articleId(), new RelevantArticle(p.articleId(), p.title(), p.chunk().url(),
                        p.chunk().visibility(), p.language(), p.chunk().section(),
                        Math.round(passage.score() * 10_000) / 10_000.0, Snippets.of(passage)));
            }
        }
        return List.copyOf(articles.values());
    }

    private static List<AgentNote> notes(List<Pick> all) {
        Set<String> seen = new LinkedHashSet<>();
        List<AgentNote> notes = new ArrayList<>();
        for (Pick pick : all) {
            if (notes.size() == MAX_NOTES) {
                break;
            }
            if (pick.internal() && seen.add(pick.text())) {
                Passage p = pick.passage().passage();
                notes.add(new AgentNote(SentenceText.prose(pick.text()), new ArticleRef(p.articleId(), p.title(), p.chunk().url())));
            }
        }
        return notes;
    }

    /** Every usable sentence of the passages, best first; unscored passages rank below scored ones, in reading order. */
    private static List<Pick> picks(List<ScoredPassage> passages) {
        List<Pick> picks = new ArrayList<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            ScoredPassage passage = passages.get(rank);
            List<ScoredSentence> sentences = passage.sentences();
            if (sentences.isEmpty()) {
                List<String> split = SentenceSplitter.split(passage.passage().text(), passage.passage().language());
                for (int i = 0; i < split.size(); i++) {
                    if (SentenceText.usable(split.get(i))) {
                        picks.add(new Pick(rank, passage, split.get(i), i, -1 - rank - i * 1e-3));
                    }
                }
                continue;
            }
            for (ScoredSentence sentence : sentences) {
                if (SentenceText.usable(sentence.text())) {
                    double value = sentence.similarity() + COVERAGE_WEIGHT * sentence.coverage() - RANK_PENALTY * rank;
                    picks.add(new Pick(rank, passage, sentence.text(), sentence.position(), value));
                }
            }
        }
        picks.sort(Comparator.comparingDouble(Pick::value).reversed());
        return picks;
    }

    private record Pick(int rank, ScoredPassage passage, String text, int position, double value) {
        boolean internal() {
            return passage.passage().chunk().isInternal();
        }
    }

    private record Steps(ScoredPassage passage, List<String> lines) {
    }

    /** Numbers articles in the order a draft first cites them. */
    private static final class Citations {
        private final Map<String, Citation> byArticle = new LinkedHashMap<>();

        int cite(ScoredPassage passage, String sentence) {
            Passage p = passage.passage();
            return byArticle.computeIfAbsent(p.articleId(), id -> new Citation(byArticle.size() + 1, id, p.title(),
                    p.chunk().url(), SentenceText.shorten(SentenceText.prose(sentence), Snippets.MAX_CHARS))).n();
        }

        List<Citation> list() {
            return List.copyOf(byArticle.values());
        }
    }
}
