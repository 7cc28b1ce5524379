package dev.assist.source;

import java.util.Locale;

/** Who may see an article: customers through the bot ({@code PUBLIC}) or only agents ({@code INTERNAL}). */
public enum Visibility {
    PUBLIC,
    INTERNAL;

    /** The lower-case name used in front matter, JSON and the index. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code public} / {@code internal} (any case); anything else is a format error. */
    public static Visibility parse(String value) {
        if (value == null || value.isBlank()) {
            return PUBLIC;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "internal" -> INTERNAL;
            default -> throw new SourceFormatException(
                    "unknown visibility '" + value + "' (expected public or internal)");
        };
    }
}
