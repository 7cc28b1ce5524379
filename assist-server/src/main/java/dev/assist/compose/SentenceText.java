package dev.assist.compose;

import java.util.regex.Pattern;

/**
 * What a sentence of a passage looks like to a reader: whether it can stand alone in a reply
 * (headings, table rows, "Related:" lines, FAQ questions and fragments cannot) and its text
 * without list markers.
 */
public final class SentenceText {
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]\\s+|\\d{1,2}[.)]\\s+)");
    /** The number of the next list item, when a paragraph joined the items ("... invoice. 4."). */
    private static final Pattern TRAILING_MARKER = Pattern.compile("\\s+\\d{1,2}[.)]$");
    /**
     * A sentence in the customer's voice ("I was charged twice.") is an FAQ entry's question
     * restating the problem, not an answer to it.
     */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "^(?:(?:I|I'm|I've|I'd|I'll|My|Ich|Mein|Meine|Je|Mon|Ma|Mes|Yo|Mi|Mis)(?:\\s|$)|J['’])");
    private static final int MIN_WORDS = 4;

    private SentenceText() {
    }

    public static boolean usable(String sentence) {
        String s = sentence.strip();
        return !s.startsWith("#")
                && !s.contains(" | ")
                && !s.contains(" · ") // "Next steps: A · B", "Verwandte Artikel: A · B": links, not an answer
                && !s.endsWith(":")
                && !s.endsWith("?")
                && !s.startsWith("Related:")
                && !FIRST_PERSON.matcher(prose(s)).find()
                && wordCount(prose(s)) >= MIN_WORDS;
    }

    /** The sentence without list markers: a leading {@code - } or {@code 1. }, a trailing {@code  2.}. */
    public static String prose(String sentence) {
        String s = LIST_MARKER.matcher(sentence.strip()).replaceFirst("");
        return TRAILING_MARKER.matcher(s).replaceFirst("");
    }

    public static int wordCount(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    public static String shorten(String text, int max) {
        String s = text.strip();
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }
}
