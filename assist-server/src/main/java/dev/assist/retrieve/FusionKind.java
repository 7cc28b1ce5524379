package dev.assist.retrieve;

import java.util.Locale;

/** The fusion methods a configuration can name. */
public enum FusionKind {
    RRF,
    CONVEX,
    ADAPTIVE;

    public static FusionKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fusion '" + value + "' (expected rrf, convex or adaptive)");
        }
    }
}
