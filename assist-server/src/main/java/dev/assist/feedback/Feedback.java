package dev.assist.feedback;

import dev.assist.retrieve.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verdict on one answer, as it is stored: when, whose (tenant and the channel of the key that
 * sent it), which answer, up or down, and an optional comment.
 */
public record Feedback(Instant time, String tenant, Channel channel, String answerId, Rating rating,
                       Optional<String> comment) {
    public Feedback {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rating, "rating");
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("feedback needs a tenant");
        }
        if (answerId == null || answerId.isBlank()) {
            throw new IllegalArgumentException("feedback needs an answer id");
        }
        comment = comment == null ? Optional.empty() : comment.filter(text -> !text.isBlank());
    }
}
