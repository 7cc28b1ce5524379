package dev.assist.text;

import java.text.Normalizer;

/** Whitespace and Unicode normalisation shared by every source format. */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** NFC, no control characters, no runs of more than one blank line, trimmed. */
    public static String collapseBlankLines(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
                .replaceAll("[ \\t]+\\n", "\n");
        return nfc.replaceAll("\\n{3,}", "\n\n").strip();
    }
}
