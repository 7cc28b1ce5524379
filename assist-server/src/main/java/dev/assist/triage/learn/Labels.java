package dev.assist.triage.learn;

import java.util.Set;
import java.util.regex.Pattern;

/** Rules for label names, and the names that mean "none of the known intents". */
public final class Labels {
    /** The label a classifier answers when nothing it knows fits. */
    public static final String OUT_OF_SCOPE = "out_of_scope";
    /** Names that training data uses for out-of-scope rows (CLINC150 says {@code oos}). */
    public static final Set<String> OUT_OF_SCOPE_ALIASES = Set.of("out_of_scope", "oos", "none", "other");
    private static final Pattern VALID = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    private Labels() {
    }

    /** The label, trimmed, if it is a usable name; otherwise an IllegalArgumentException that says why. */
    public static String require(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is missing or empty");
        }
        String trimmed = label.trim();
        if (!VALID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("label '" + abbreviate(trimmed)
                    + "' is not a label: use 1-100 printable characters");
        }
        return isOutOfScope(trimmed) ? OUT_OF_SCOPE : trimmed;
    }

    public static boolean isOutOfScope(String label) {
        return OUT_OF_SCOPE_ALIASES.contains(label);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
