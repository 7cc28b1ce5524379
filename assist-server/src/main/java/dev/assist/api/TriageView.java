package dev.assist.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.assist.auth.Scope;
import dev.assist.routing.Dispatch;
import dev.assist.routing.RouteCandidate;
import dev.assist.routing.RoutingDecision;
import dev.assist.triage.SignalHit;
import dev.assist.triage.TriageResult;
import java.util.List;
import java.util.Locale;

/**
 * The triage of a conversation on the wire: the body of {@code POST /v1/triage}, the {@code triage}
 * object of answers and suggestions (which add {@code routing}), and what {@code POST /v1/route}
 * accepts as an already computed triage.
 *
 * @param intent the decided intent, {@code out_of_scope} when no intent is likely enough
 * @param intents the three most probable intents, best first
 * @param signals escalation signals that fired: anger, urgency, cancellation_threat, legal_threat, repeated_contact
 * @param evidence why each signal fired: the message (index in the conversation) and what matched
 * @param routing where the conversation should go; only in answers and suggestions
 */
public record TriageView(LanguageView language, String intent, List<IntentView> intents, SentimentView sentiment,
                         List<String> signals, List<EvidenceView> evidence, String priority,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RoutingView routing) {

    public static TriageView of(TriageResult triage) {
        return new TriageView(
                new LanguageView(triage.language().language(), round(triage.language().confidence()),
                        wireName(triage.language().evidence())),
                triage.intent(),
                triage.intents().stream().map(i -> new IntentView(i.intent(), round(i.score()))).toList(),
                new SentimentView(wireName(triage.sentiment().label()), round(triage.sentiment().score()),
                        round(triage.sentiment().confidence())),
                triage.signals().stream().sorted().map(TriageView::wireName).toList(),
                triage.evidence().stream().map(EvidenceView::from).toList(),
                wireName(triage.priority()),
                null);
    }

    /** A conversation's triage with its routing, as much of it as the caller's scope may see. */
    public static TriageView of(Dispatch dispatch, Scope scope) {
        TriageView view = of(dispatch.triage());
        return new TriageView(view.language, view.intent, view.intents, view.sentiment, view.signals, view.evidence,
                view.priority, RoutingView.of(dispatch.routing(), scope));
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static double round(double value) {
        return AnswerResponse.round(value);
    }

    /**
     * The conversation's language: an ISO 639-1 code or {@code und}, its probability, and whether the
     * last message decided it ({@code text}), earlier turns or the locale did ({@code context}), or
     * nothing did ({@code none}).
     */
    public record LanguageView(String code, Double confidence, String evidence) {
    }

    /** An intent label and its probability. */
    public record IntentView(String label, Double score) {
    }

    /**
     * Polarity of the customer's last message: {@code label} negative, neutral or positive, {@code score}
     * in [-1, 1] (probability of positive minus probability of negative), {@code confidence} the label's probability.
     */
    public record SentimentView(String label, Double score, Double confidence) {
    }

    /** Why a signal fired. */
    public record EvidenceView(String signal, Integer messageIndex, String evidence) {
        static EvidenceView from(SignalHit hit) {
            return new EvidenceView(wireName(hit.signal()), hit.messageIndex(), hit.evidence());
        }
    }

    /**
     * Where a conversation goes: the team, the priority (triage's, raised for higher customer tiers),
     * agents best first (empty when no agent of the tenant has room, and always for bot keys, which
     * never see agents), and why.
     */
    public record RoutingView(String team, String priority, List<CandidateView> candidates, List<String> reasons) {
        static RoutingView of(RoutingDecision decision, Scope scope) {
            List<CandidateView> candidates = scope == Scope.BOT
                    ? List.of()
                    : decision.candidates().stream().map(CandidateView::from).toList();
            return new RoutingView(decision.team(), wireName(decision.priority()), candidates, decision.reasons());
        }
    }

    /** An agent who could take the conversation, the router's score, and why. */
    public record CandidateView(String agentId, double score, boolean speaksLanguage, boolean hasSkill, double load,
                                List<String> reasons) {
        static CandidateView from(RouteCandidate candidate) {
            return new CandidateView(candidate.agentId(), round(candidate.score()), candidate.speaksLanguage(),
                    candidate.hasSkill(), round(candidate.load()), candidate.reasons());
        }
    }
}
