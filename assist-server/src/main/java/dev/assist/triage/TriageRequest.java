package dev.assist.triage;

import dev.assist.conversation.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A conversation to triage, oldest message first; the last customer message is the one being
 * triaged, earlier ones are context. {@code locale} is the customer's locale if the channel knows it
 * (a BCP 47 tag such as {@code de-CH}).
 */
public record TriageRequest(List<Message> messages, Optional<String> locale, String tenant) {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");

    public TriageRequest {
        Objects.requireNonNull(messages, "messages");
        locale = locale == null ? Optional.empty() : locale.filter(value -> !value.isBlank());
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages is empty: send at least one customer message");
        }
        if (messages.size() > TextLimits.MAX_MESSAGES) {
            throw new IllegalArgumentException("too many messages: " + messages.size() + " (the limit is "
                    + TextLimits.MAX_MESSAGES + "; send the most recent ones)");
        }
        messages = List.copyOf(messages);
        if (messages.stream().noneMatch(m -> m.role() == Role.CUSTOMER)) {
            throw new IllegalArgumentException("no customer message: triage reads what the customer wrote");
        }
        if (locale.isPresent() && !LOCALE.matcher(locale.get()).matches()) {
            throw new IllegalArgumentException("locale '" + locale.get() + "' is not a language tag such as en or de-CH");
        }
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is missing");
        }
    }

    /** One customer text, no context. */
    public static TriageRequest of(String text, String tenant) {
        return new TriageRequest(List.of(Message.customer(text)), Optional.empty(), tenant);
    }

    /** The customer's texts, oldest first. */
    public List<String> customerTexts() {
        return messages.stream().filter(m -> m.role() == Role.CUSTOMER).map(Message::text).toList();
    }
}
