package dev.assist.embed;

import java.util.Locale;

/** How token vectors become one sentence vector: the {@code [CLS]} token's, or the masked mean. */
public enum Pooling {
    CLS,
    MEAN;

    public static Pooling parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pooling '" + value + "' (expected cls or mean)");
        }
    }
}
