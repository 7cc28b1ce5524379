package dev.assist.auth;

import dev.assist.retrieve.Channel;
import java.util.Locale;

/**
 * What an API key may do. A bot key asks on behalf of customers and sees public articles only; an
 * agent key sees internal articles too and may ask for reply suggestions; an admin key manages
 * articles and searches as an agent.
 */
public enum Scope {
    BOT(Channel.BOT),
    AGENT(Channel.AGENT),
    ADMIN(Channel.AGENT);

    private final Channel channel;

    Scope(Channel channel) {
        this.channel = channel;
    }

    /** The retrieval channel, and so the visibilities, requests made with this scope search under. */
    public Channel channel() {
        return channel;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String value) {
        for (Scope scope : values()) {
            if (scope.wireName().equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + value + "' (expected bot, agent or admin)");
    }
}
