package dev.assist.pipeline;

import dev.assist.conversation.Turn;
import dev.assist.retrieve.Channel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question to answer or search for, with who asks (tenant and channel, from the API key) and
 * the conversation so far.
 *
 * @param locale the customer's locale when the client knows it; otherwise the question's language is detected
 */
public record AnswerRequest(String tenant, Channel channel, String question, List<Turn> history, Optional<String> locale) {
    public AnswerRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is empty");
        }
        history = history == null ? List.of() : List.copyOf(history);
        locale = locale == null ? Optional.empty() : locale;
    }
}
