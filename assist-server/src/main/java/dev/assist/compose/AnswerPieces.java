package dev.assist.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an answer into the pieces a stream sends: each sentence with its citation marker, spaces kept. */
final class AnswerPieces {
    /** A sentence ends after its marker ("... invoices. [1] ") or at a full stop followed by space. */
    private static final Pattern PIECE = Pattern.compile(".+?(?:\\[\\d+]\\s*|[.!?]\\s+|$)", Pattern.DOTALL);

    private AnswerPieces() {
    }

    static List<String> of(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().isEmpty()) {
                pieces.add(matcher.group());
            }
        }
        return pieces;
    }
}
