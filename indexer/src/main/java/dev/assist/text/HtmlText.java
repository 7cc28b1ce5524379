package dev.assist.text;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns HTML into the plain structured text the chunker reads. Navigation, scripts, styles,
 * forms and page chrome are dropped; headings become {@code ## Heading} lines, list items
 * {@code - item}, table rows {@code cell | cell}, paragraphs and breaks become line breaks.
 */
public final class HtmlText {
    private static final String CHROME =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    private HtmlText() {
    }

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** Text of the page's main content: {@code <main>} or {@code <article>} when present, else the body. */
    public static String toPlainText(Document document) {
        Document copy = document.clone();
        copy.select(CHROME).remove();
        Element root = copy.selectFirst("main, article, [role=main]");
        if (root == null) {
            root = copy.body();
        }
        StringBuilder out = new StringBuilder();
        render(root, out);
        return TextNormalizer.collapseBlankLines(out.toString());
    }

    /** Converts an HTML fragment (a help-center article body). */
    public static String fragmentToPlainText(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select(CHROME).remove();
        StringBuilder out = new StringBuilder();
        render(fragment.body(), out);
        return TextNormalizer.collapseBlankLines(out.toString());
    }

    private static void render(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(text.text());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                int level = tag.charAt(1) - '0';
                newBlock(out);
                out.append("#".repeat(level)).append(' ').append(element.text().strip()).append("\n\n");
            }
            case "li" -> {
                newLine(out);
                out.append("- ");
                renderChildren(element, out);
                newLine(out);
            }
            case "tr" -> {
                newLine(out);
                out.append(String.join(" | ", cells(element)));
                newLine(out);
            }
            case "br" -> out.append('\n');
            case "p", "div", "section", "ul", "ol", "table", "blockquote", "pre", "dl", "figure" -> {
                newBlock(out);
                renderChildren(element, out);
                newBlock(out);
            }
            case "dt", "dd" -> {
                newLine(out);
                renderChildren(element, out);
                newLine(out);
            }
            case "img" -> {
                String alt = element.attr("alt").strip();
                if (!alt.isEmpty()) {
                    out.append(alt);
                }
            }
            default -> renderChildren(element, out);
        }
    }

    private static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        for (Element cell : row.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                cells.add(cell.text().strip());
            }
        }
        return cells;
    }

    private static void renderChildren(Element element, StringBuilder out) {
        for (Node child : element.childNodes()) {
            render(child, out);
        }
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void newBlock(StringBuilder out) {
        newLine(out);
        if (out.length() >= 2 && out.charAt(out.length() - 2) != '\n') {
            out.append('\n');
        }
    }
}
