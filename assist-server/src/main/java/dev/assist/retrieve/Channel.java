package dev.assist.retrieve;

import dev.assist.source.Visibility;
import java.util.Locale;
import java.util.Set;

/** Who is asking: a customer through the bot sees public articles only; an agent sees internal ones too. */
public enum Channel {
    BOT(Set.of(Visibility.PUBLIC)),
    AGENT(Set.of(Visibility.PUBLIC, Visibility.INTERNAL));

    private final Set<Visibility> visible;

    Channel(Set<Visibility> visible) {
        this.visible = visible;
    }

    public Set<Visibility> visible() {
        return visible;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(value)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + value + "' (expected bot or agent)");
    }
}
