package dev.assist.feedback;

import java.util.Locale;

/** A customer's or agent's verdict on one answer. */
public enum Rating {
    UP,
    DOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rating parse(String value) {
        for (Rating rating : values()) {
            if (rating.wireName().equals(value)) {
                return rating;
            }
        }
        throw new IllegalArgumentException("rating must be up or down, got '" + value + "'");
    }
}
