package dev.assist.suggest;

import dev.assist.compose.Citation;
import java.util.List;

/** A reply an agent may send as it is or edit; {@code [n]} markers refer to its citations. */
public record ReplyDraft(DraftKind kind, String text, List<Citation> citations) {
    public ReplyDraft {
        citations = List.copyOf(citations);
    }
}
