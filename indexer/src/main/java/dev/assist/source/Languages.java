package dev.assist.source;

import java.util.Locale;

/** Normalises language tags the way the index stores them. */
public final class Languages {
    private Languages() {
    }

    /** {@code de-AT}, {@code de_at} and {@code DE} all become {@code de}; null or blank becomes "". */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String normalized = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = normalized.indexOf('-');
        return dash < 0 ? normalized : normalized.substring(0, dash);
    }

    /** True for a syntactically plausible primary subtag (2-3 letters), which is what we can index. */
    public static boolean isPlausible(String tag) {
        return primary(tag).matches("[a-z]{2,3}");
    }
}
