package dev.assist.eval.report;

import java.util.List;
import java.util.Locale;

/** The charts of the HTML report as inline SVG strings: no script, no network, readable without CSS. */
final class Svg {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"};

    private Svg() {
    }

    static String color(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /** Lines over x = 1..n with y in [0, 1], one per series, with a legend. */
    static String lines(String title, List<String> series, List<double[]> values, String xLabel) {
        int w = 520;
        int h = 300;
        int left = 50;
        int right = 130;
        int top = 30;
        int bottom = 45;
        int n = values.stream().mapToInt(v -> v.length).max().orElse(0);
        StringBuilder svg = open(w, h, title);
        axes(svg, left, top, w - right, h - bottom, 0, 1, "");
        double plotW = w - right - left;
        double plotH = h - bottom - top;
        for (int i = 0; i < n; i++) {
            double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            svg.append(text(x, h - bottom + 16, "middle", Integer.toString(i + 1)));
        }
        svg.append(text(left + plotW / 2, h - 8, "middle", xLabel));
        for (int s = 0; s < series.size(); s++) {
            double[] v = values.get(s);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
                double y = top + plotH * (1 - clamp(v[i]));
                points.append(f(x)).append(',').append(f(y)).append(' ');
                svg.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
                        .append(color(s)).append("\"><title>").append(Html.escape(series.get(s))).append(" @").append(i + 1)
                        .append(": ").append(String.format(Locale.ROOT, "%.3f", v[i])).append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color(s)).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
        }
        legend(svg, series, w - right + 10, top);
        return svg.append("</svg>").toString();
    }

    /** Grouped vertical bars in [0, 1]: for each group (a language), one bar per series (a configuration). */
    static String groupedBars(String title, List<String> groups, List<String> series, double[][] values, String[] notes) {
        int groupWidth = Math.max(40, series.size() * 16 + 14);
        int left = 50;
        int right = 130;
        int top = 30;
        int bottom = 45;
        int w = Math.max(360, left + right + groups.size() * groupWidth);
        int h = 300;
        StringBuilder svg = open(w, h, title);
        axes(svg, left, top, w - right, h - bottom, 0, 1, "");
        double plotH = h - bottom - top;
        double barW = (groupWidth - 14) / (double) Math.max(1, series.size());
        for (int g = 0; g < groups.size(); g++) {
            double x0 = left + g * groupWidth + 7;
            for (int s = 0; s < series.size(); s++) {
                double v = values[g][s];
                if (Double.isNaN(v)) {
                    continue;
                }
                double barH = plotH * clamp(v);
                svg.append("<rect x=\"").append(f(x0 + s * barW)).append("\" y=\"").append(f(top + plotH - barH))
                        .append("\" width=\"").append(f(Math.max(1, barW - 2))).append("\" height=\"").append(f(barH))
                        .append("\" fill=\"").append(color(s)).append("\"><title>").append(Html.escape(groups.get(g))).append(", ")
                        .append(Html.escape(series.get(s))).append(": ").append(String.format(Locale.ROOT, "%.3f", v))
                        .append("</title></rect>");
            }
            svg.append(text(x0 + (groupWidth - 14) / 2.0, h - bottom + 16, "middle", groups.get(g)));
            if (notes != null && notes[g] != null) {
                svg.append(text(x0 + (groupWidth - 14) / 2.0, h - bottom + 30, "middle", notes[g]));
            }
        }
        legend(svg, series, w - right + 10, top);
        return svg.append("</svg>").toString();
    }

    /** A histogram over bins labelled by their lower edge. */
    static String histogram(String title, double[] edges, int[] counts, String color) {
        int w = 520;
        int h = 220;
        int left = 45;
        int right = 15;
        int top = 28;
        int bottom = 45;
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        StringBuilder svg = open(w, h, title);
        axes(svg, left, top, w - right, h - bottom, 0, max, "");
        double plotW = w - right - left;
        double plotH = h - bottom - top;
        double barW = plotW / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double barH = plotH * counts[i] / max;
            double x = left + i * barW;
            if (counts[i] > 0) {
                svg.append("<rect x=\"").append(f(x + 1)).append("\" y=\"").append(f(top + plotH - barH)).append("\" width=\"")
                        .append(f(barW - 2)).append("\" height=\"").append(f(barH)).append("\" fill=\"").append(color)
                        .append("\"><title>").append(label(edges[i])).append("–").append(label(edges[i + 1])).append(" ms: ")
                        .append(counts[i]).append("</title></rect>");
            }
            if (i % 2 == 0) {
                svg.append(text(x, h - bottom + 14, "middle", label(edges[i])));
            }
        }
        svg.append(text(left + plotW / 2, h - 8, "middle", "total latency (ms, log scale)"));
        return svg.append("</svg>").toString();
    }

    /** A difference with its interval on a scale symmetric around 0 ({@code scale} = the largest |value| shown). */
    static String interval(double difference, double low, double high, double scale, String color) {
        int w = 160;
        int h = 18;
        if (Double.isNaN(low) || Double.isNaN(high) || scale <= 0) {
            return "";
        }
        double mid = w / 2.0;
        double k = (w / 2.0 - 6) / scale;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\">");
        svg.append("<line x1=\"").append(f(mid)).append("\" y1=\"0\" x2=\"").append(f(mid)).append("\" y2=\"").append(h)
                .append("\" stroke=\"#999\"/>");
        svg.append("<line x1=\"").append(f(mid + low * k)).append("\" y1=\"9\" x2=\"").append(f(mid + high * k))
                .append("\" y2=\"9\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>");
        svg.append("<circle cx=\"").append(f(mid + difference * k)).append("\" cy=\"9\" r=\"4\" fill=\"").append(color).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int w, int h, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\"><title>").append(Html.escape(title)).append("</title>")
                .append(text(10, 18, "start", title).replace("<text ", "<text font-weight=\"bold\" "));
    }

    private static void axes(StringBuilder svg, double x0, double y0, double x1, double y1, double min, double max, String unit) {
        svg.append("<line x1=\"").append(f(x0)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x1)).append("\" y2=\"")
                .append(f(y1)).append("\" stroke=\"#333\"/>");
        svg.append("<line x1=\"").append(f(x0)).append("\" y1=\"").append(f(y0)).append("\" x2=\"").append(f(x0)).append("\" y2=\"")
                .append(f(y1)).append("\" stroke=\"#333\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double y = y1 - (y1 - y0) * i / 4;
            svg.append("<line x1=\"").append(f(x0)).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(f(x1))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#eee\"/>");
            String label = max > 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
            svg.append(text(x0 - 6, y + 4, "end", label + unit));
        }
    }

    private static void legend(StringBuilder svg, List<String> series, double x, double y) {
        for (int s = 0; s < series.size(); s++) {
            double yy = y + 8 + s * 18;
            svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(yy - 9)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(s)).append("\"/>");
            svg.append(text(x + 17, yy + 1, "start", series.get(s)));
        }
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"11\" font-family=\"sans-serif\">"
                + Html.escape(text) + "</text>";
    }

    private static String label(double ms) {
        if (ms >= 1e5) {
            return "∞";
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
