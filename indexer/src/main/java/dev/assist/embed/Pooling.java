package dev.assist.embed;

import java.util.Locale;

/**
 * How token vectors become one sentence vector: the {@code [CLS]} token's, the masked mean, or
 * both side by side ({@code cls+mean}: two views of one forward pass, for classifiers).
 */
public enum Pooling {
    CLS("cls"),
    MEAN("mean"),
    CLS_MEAN("cls+mean");

    private final String id;

    Pooling(String id) {
        this.id = id;
    }

    /** The name in configuration and in embedding model ids. */
    public String id() {
        return id;
    }

    public static Pooling parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (Pooling pooling : values()) {
            if (pooling.id.equals(wanted)) {
                return pooling;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + value + "' (expected cls, mean or cls+mean)");
    }
}
