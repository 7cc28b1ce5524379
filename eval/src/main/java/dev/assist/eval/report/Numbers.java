package dev.assist.eval.report;

import java.util.Locale;

/** How reports print numbers: scores with 3 decimals, milliseconds with 1, p-values with 3 (or as "<0.001"). */
final class Numbers {
    private Numbers() {
    }

    static String metric(String wireName, Double value) {
        if (value == null) {
            return "–";
        }
        boolean ms = wireName.endsWith("_ms") || wireName.startsWith("tokens");
        return String.format(Locale.ROOT, ms ? "%.1f" : "%.3f", value);
    }

    static String signed(String wireName, Double value) {
        if (value == null) {
            return "–";
        }
        String s = metric(wireName, Math.abs(value));
        return (value < 0 ? "−" : "+") + s;
    }

    static String p(Double value) {
        if (value == null) {
            return "–";
        }
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
