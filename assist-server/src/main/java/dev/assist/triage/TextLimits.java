package dev.assist.triage;

import java.nio.charset.StandardCharsets;

/** The size limits on texts that triage accepts, checked in one place for the library and the HTTP layer. */
public final class TextLimits {
    /** Longest text accepted, in UTF-8 bytes (100 KB). */
    public static final int MAX_TEXT_BYTES = 100 * 1024;
    /** Most messages accepted in one conversation. */
    public static final int MAX_MESSAGES = 200;

    private TextLimits() {
    }

    /** Returns the text if it is not blank and at most {@link #MAX_TEXT_BYTES}; otherwise says what is wrong. */
    public static String requireText(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        // Cheap bound first: a UTF-8 char takes at most 3 bytes per UTF-16 unit.
        if (text.length() > MAX_TEXT_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException(what + " is " + bytes + " bytes; the limit is "
                        + MAX_TEXT_BYTES + " bytes (100 KB)");
            }
        }
        return text;
    }
}
