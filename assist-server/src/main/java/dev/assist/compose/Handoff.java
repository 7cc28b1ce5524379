package dev.assist.compose;

import java.util.List;

/** Whether to bring in a human, why, and which articles were tried. */
public record Handoff(boolean recommended, HandoffReason reason, List<ArticleRef> tried) {
    public Handoff {
        tried = tried == null ? List.of() : List.copyOf(tried);
        if (recommended && reason == null) {
            throw new IllegalArgumentException("a recommended hand-off needs a reason");
        }
    }

    public static Handoff none() {
        return new Handoff(false, null, List.of());
    }

    public static Handoff because(HandoffReason reason, List<ArticleRef> tried) {
        return new Handoff(true, reason, tried);
    }
}
