package dev.assist.suggest;

import dev.assist.conversation.Turn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket an agent is answering: its subject and messages (oldest first), for one tenant.
 *
 * @param locale the customer's locale when the help desk knows it; otherwise detected
 */
public record SuggestionRequest(String tenant, String subject, List<Turn> messages, Optional<String> locale) {
    public SuggestionRequest {
        Objects.requireNonNull(tenant, "tenant");
        subject = subject == null ? "" : subject.strip();
        messages = messages == null ? List.of() : List.copyOf(messages);
        locale = locale == null ? Optional.empty() : locale;
    }
}
