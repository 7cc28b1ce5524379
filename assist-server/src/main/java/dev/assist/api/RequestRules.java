package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.config.AssistConfig;
import dev.assist.conversation.Role;
import dev.assist.conversation.Turn;
import dev.assist.feedback.Feedback;
import dev.assist.feedback.Rating;
import dev.assist.pipeline.AnswerRequest;
import dev.assist.suggest.SuggestionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks request bodies against the configured limits and turns them into the pipeline's
 * requests. A question over {@code limits.max_question_chars} is a 400 ({@code question-too-long}):
 * the body as a whole was acceptable, one field was not; 413 is kept for bodies over
 * {@code limits.max_body_bytes}.
 */
public final class RequestRules {
    public static final int DEFAULT_SEARCH_LIMIT = 5;
    public static final int MAX_SEARCH_LIMIT = 20;
    /** Answer ids are opaque to clients; these characters and this length cover every id the server hands out. */
    private static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final AssistConfig.Limits limits;

    public RequestRules(AssistConfig.Limits limits) {
        this.limits = limits;
    }

    public AnswerRequest answer(AnswerRequestBody body, ApiKey caller) {
        String question = text(body.question(), "question");
        List<Turn> history = history(body.history(), "history");
        return new AnswerRequest(caller.tenant(), caller.scope().channel(), question, history,
                LocaleTags.parse(body.locale(), "locale"));
    }

    public AnswerRequest search(SearchRequestBody body, ApiKey caller) {
        String query = text(body.query(), "query");
        return new AnswerRequest(caller.tenant(), caller.scope().channel(), query, List.of(),
                LocaleTags.parse(body.locale(), "locale"));
    }

    public int searchLimit(SearchRequestBody body) {
        if (body.limit() == null) {
            return DEFAULT_SEARCH_LIMIT;
        }
        if (body.limit() < 1 || body.limit() > MAX_SEARCH_LIMIT) {
            throw ApiProblem.badRequest("invalid-field", "limit must be within 1.." + MAX_SEARCH_LIMIT + ", got " + body.limit());
        }
        return body.limit();
    }

    public SuggestionRequest suggestions(SuggestionsRequestBody body, ApiKey caller) {
        SuggestionsRequestBody.Ticket ticket = body.ticket();
        if (ticket == null) {
            throw ApiProblem.badRequest("missing-field", "ticket is required: {\"ticket\": {\"subject\": ..., \"messages\": [...]}}");
        }
        String subject = ticket.subject() == null ? "" : ticket.subject().strip();
        if (subject.length() > limits.maxQuestionChars()) {
            throw tooLong("ticket.subject", subject.length());
        }
        List<Turn> messages = history(ticket.messages(), "ticket.messages");
        boolean customerWrote = messages.stream().anyMatch(t -> t.role() == Role.CUSTOMER && !t.text().isBlank());
        if (!customerWrote && subject.isEmpty()) {
            throw ApiProblem.badRequest("missing-question",
                    "the ticket needs a subject or at least one non-empty message with role customer");
        }
        return new SuggestionRequest(caller.tenant(), subject, messages, LocaleTags.parse(body.locale(), "locale"));
    }

    public Feedback feedback(FeedbackRequestBody body, ApiKey caller, Instant now) {
        if (body.answerId() == null || body.answerId().isBlank()) {
            throw ApiProblem.badRequest("missing-field", "answer_id is required: the answer_id of the answer being rated");
        }
        if (!ANSWER_ID.matcher(body.answerId()).matches()) {
            throw ApiProblem.badRequest("invalid-field", "answer_id must be the answer_id an answer came with"
                    + " (up to 128 letters, digits and . _ : -)");
        }
        if (body.rating() == null) {
            throw ApiProblem.badRequest("missing-field", "rating is required: up or down");
        }
        Rating rating;
        try {
            rating = Rating.parse(body.rating());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-field", e.getMessage());
        }
        String comment = body.comment() == null ? "" : body.comment().strip();
        if (comment.length() > limits.maxQuestionChars()) {
            throw ApiProblem.badRequest("invalid-field", "comment has " + comment.length() + " characters; at most "
                    + limits.maxQuestionChars() + " are accepted (limits.max_question_chars)");
        }
        return new Feedback(now, caller.tenant(), caller.scope().channel(), body.answerId(), rating,
                Optional.of(comment));
    }

    private String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("missing-question", field + " is required and must not be empty");
        }
        String stripped = value.strip();
        if (stripped.length() > limits.maxQuestionChars()) {
            throw tooLong(field, stripped.length());
        }
        return stripped;
    }

    private ApiProblem tooLong(String field, int length) {
        return ApiProblem.badRequest("question-too-long", field + " has " + length + " characters; at most "
                + limits.maxQuestionChars() + " are accepted (limits.max_question_chars)");
    }

    /** Turns as clients send them, checked: at most {@code limits.max_history_turns}, known roles, a text each. */
    List<Turn> history(List<TurnBody> turns, String field) {
        if (turns == null) {
            return List.of();
        }
        if (turns.size() > limits.maxHistoryTurns()) {
            throw ApiProblem.badRequest("too-many-turns", field + " has " + turns.size() + " turns; at most "
                    + limits.maxHistoryTurns() + " are accepted (limits.max_history_turns); send the most recent ones");
        }
        List<Turn> history = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            TurnBody turn = turns.get(i);
            String where = field + "[" + i + "]";
            if (turn == null) {
                throw ApiProblem.badRequest("invalid-field", where + " must be an object {\"role\": ..., \"text\": ...}");
            }
            Role role;
            try {
                role = Role.parse(turn.role());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("invalid-field", where + ".role: " + e.getMessage());
            }
            if (turn.text() == null) {
                throw ApiProblem.badRequest("invalid-field", where + ".text is required");
            }
            history.add(new Turn(role, turn.text()));
        }
        return history;
    }

    /** The locale of a request, validated; exposed for article uploads. */
    public Optional<String> locale(String tag, String field) {
        return LocaleTags.parse(tag, field);
    }
}
