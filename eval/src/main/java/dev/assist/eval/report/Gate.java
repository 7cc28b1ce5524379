package dev.assist.eval.report;

import dev.assist.eval.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quality gate such as {@code ndcg@10>=0.60}: a metric, a comparison and a bound, with an
 * optional tolerance ({@code ndcg@10>=0.60~0.01}). Like Anserini's regression checks, a value
 * within the tolerance of the bound is OKISH (passes, with a warning), beyond it FAIL.
 */
public record Gate(Metric metric, String operator, double bound, double tolerance) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9_@]+)\\s*(>=|<=|>|<)\\s*([0-9.eE+-]+)\\s*(?:~\\s*([0-9.eE+-]+))?\\s*");

    public static List<Gate> parseAll(String spec) {
        List<Gate> gates = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return gates;
        }
        for (String part : spec.split(",")) {
            gates.add(parse(part));
        }
        return gates;
    }

    public static Gate parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("gate '" + text.strip() + "' must look like ndcg@10>=0.60 (optionally ~0.01 tolerance)");
        }
        Metric metric = Metric.parse(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                "gate '" + text.strip() + "': unknown metric '" + m.group(1) + "'; known: " + known()));
        try {
            double bound = Double.parseDouble(m.group(3));
            double tolerance = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
            return new Gate(metric, m.group(2), bound, tolerance);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gate '" + text.strip() + "': not a number", e);
        }
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            names.add(metric.wireName());
        }
        return String.join(", ", names);
    }

    /** Checks one configuration's value of the metric. */
    public EvalReport.GateResult check(String run, Double value) {
        if (value == null) {
            return new EvalReport.GateResult(run, toString(), null, "FAIL", metric.wireName() + " was not measured on this dataset");
        }
        if (passes(value, bound)) {
            return new EvalReport.GateResult(run, toString(), value, "OK", "");
        }
        double relaxed = operator.startsWith(">") ? bound - tolerance : bound + tolerance;
        if (tolerance > 0 && passes(value, relaxed)) {
            return new EvalReport.GateResult(run, toString(), value, "OKISH",
                    String.format(Locale.ROOT, "%s = %.4f misses %s by less than the tolerance %s", metric.wireName(), value,
                            bound, tolerance));
        }
        return new EvalReport.GateResult(run, toString(), value, "FAIL",
                String.format(Locale.ROOT, "%s = %.4f, needs %s %s", metric.wireName(), value, operator, bound));
    }

    private boolean passes(double value, double limit) {
        return switch (operator) {
            case ">=" -> value >= limit;
            case ">" -> value > limit;
            case "<=" -> value <= limit;
            case "<" -> value < limit;
            default -> throw new IllegalStateException(operator);
        };
    }

    @Override
    public String toString() {
        return metric.wireName() + operator + bound + (tolerance > 0 ? "~" + tolerance : "");
    }
}
