package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.routing.AgentStatus;
import dev.assist.routing.CustomerTier;
import dev.assist.routing.RouteRequest;
import dev.assist.suggest.SuggestionRequest;
import dev.assist.triage.LanguageGuess;
import dev.assist.triage.Message;
import dev.assist.triage.Priority;
import dev.assist.triage.TriageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks the bodies of the triage, route and agent routes and turns them, and the conversations of
 * answer and suggestion requests, into the triage and routing library's requests. The library's
 * own checks (it throws {@link IllegalArgumentException} with a message that says what is wrong)
 * become 400 problems here.
 */
final class TriageRules {
    private final RequestRules requests;

    TriageRules(RequestRules requests) {
        this.requests = requests;
    }

    /** The conversation of {@code POST /v1/triage} and {@code POST /v1/route}: {@code text} or {@code messages}. */
    TriageRequest conversation(String text, List<TurnBody> messages, String locale, ApiKey caller) {
        Optional<String> tag = LocaleTags.parse(locale, "locale");
        if (text != null && messages != null) {
            throw ApiProblem.badRequest("invalid-field", "send either text or messages, not both");
        }
        List<Message> conversation;
        if (text != null) {
            conversation = List.of(message(Role.CUSTOMER, text, "text"));
        } else if (messages != null) {
            conversation = messages(requests.history(messages, "messages"), "messages");
        } else {
            throw ApiProblem.badRequest("missing-text", "send the customer's words: {\"text\": \"...\"} or "
                    + "{\"messages\": [{\"role\": \"customer\", \"text\": \"...\"}]}");
        }
        return checked("missing-text", () -> new TriageRequest(conversation, tag, caller.tenant()));
    }

    /** The conversation an answer is for: the customer's history and the question, last. */
    TriageRequest conversation(AnswerRequest request) {
        List<Message> conversation = new ArrayList<>(messages(nonBlank(request.history()), "history"));
        conversation.add(message(Role.CUSTOMER, request.question(), "question"));
        return checked("missing-text", () -> new TriageRequest(conversation, request.locale(), request.tenant()));
    }

    /** The conversation of a ticket: its subject (the customer wrote it) and its messages. */
    TriageRequest conversation(SuggestionRequest request) {
        List<Message> conversation = new ArrayList<>();
        if (!request.subject().isBlank()) {
            conversation.add(message(Role.CUSTOMER, request.subject(), "ticket.subject"));
        }
        conversation.addAll(messages(nonBlank(request.messages()), "ticket.messages"));
        return checked("missing-text", () -> new TriageRequest(conversation, request.locale(), request.tenant()));
    }

    /** A triage computed before, as {@code POST /v1/triage} returned it, to route. */
    RouteRequest route(TriageView triage, ApiKey caller, CustomerTier tier, Duration waited) {
        if (triage.intent() == null || triage.intent().isBlank()) {
            throw ApiProblem.badRequest("missing-field", "triage.intent is required: send the triage /v1/triage returned");
        }
        String language = triage.language() == null ? null : triage.language().code();
        if (language != null && !language.equals(LanguageGuess.UNDETERMINED)
                && !(language.matches("[a-z]{2}") && LocaleTags.parse(language, "triage.language.code").isPresent())) {
            throw ApiProblem.badRequest("unknown-locale", "triage.language.code must be an ISO 639-1 code such as de, or und");
        }
        Priority priority = triage.priority() == null ? Priority.NORMAL : parse(Priority.class, triage.priority(), "triage.priority");
        return checked("invalid-field", () -> new RouteRequest(caller.tenant(), triage.intent(), language, priority, tier, waited));
    }

    CustomerTier customerTier(String value) {
        return value == null ? CustomerTier.STANDARD : parse(CustomerTier.class, value, "customer_tier");
    }

    Duration waited(Integer seconds) {
        if (seconds == null) {
            return Duration.ZERO;
        }
        if (seconds < 0) {
            throw ApiProblem.badRequest("invalid-field", "waited_seconds must not be negative, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** An agent's state from {@code PUT /v1/agents/{id}}; the registry checks codes, skills and ranges. */
    AgentState agent(AgentRequestBody body) {
        if (body.status() == null) {
            throw ApiProblem.badRequest("missing-field", "status is required: online, away or offline");
        }
        AgentStatus status = parse(AgentStatus.class, body.status(), "status");
        if (body.languages() == null || body.languages().isEmpty()) {
            throw ApiProblem.badRequest("missing-field", "languages is required: the ISO 639-1 codes the agent answers in, "
                    + "such as [\"en\", \"de\"]");
        }
        if (body.capacity() == null) {
            throw ApiProblem.badRequest("missing-field", "capacity is required: how many conversations the agent can hold (1 to 100)");
        }
        // HashSet, not Set.copyOf: a null element must reach the registry's check, not throw here.
        Set<String> skills = body.skills() == null ? Set.of() : new HashSet<>(body.skills());
        int open = body.openConversations() == null ? 0 : body.openConversations();
        return new AgentState(status, new HashSet<>(body.languages()), skills, open, body.capacity());
    }

    /** What the help desk says about an agent. */
    record AgentState(AgentStatus status, Set<String> languages, Set<String> skills, int openConversations, int capacity) {
    }

    /** Runs a library call whose {@link IllegalArgumentException} means bad input: a 400 of {@code kind}. */
    static <T> T checked(String kind, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(kind, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (TriageView.wireName(constant).equals(value)) {
                return constant;
            }
        }
        List<String> known = Arrays.stream(type.getEnumConstants()).map(TriageView::wireName).toList();
        throw ApiProblem.badRequest("invalid-field", field + ": unknown value '" + value + "' (expected "
                + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1) + ")");
    }

    private static List<Turn> nonBlank(List<Turn> turns) {
        return turns.stream().filter(turn -> !turn.text().isBlank()).toList();
    }

    private static List<Message> messages(List<Turn> turns, String field) {
        List<Message> messages = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            messages.add(message(turn.role(), turn.text(), field + "[" + i + "].text"));
        }
        return messages;
    }

    private static Message message(Role role, String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("missing-text", field + " is required and must not be empty");
        }
        try {
            return new Message(role, text);
        } catch (IllegalArgumentException tooLong) {
            throw ApiProblem.badRequest("text-too-long", field + ": " + tooLong.getMessage());
        }
    }
}
