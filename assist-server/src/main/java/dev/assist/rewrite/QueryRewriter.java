package dev.assist.rewrite;

import dev.assist.conversation.Turn;
import java.util.List;

/** Turns the last customer message, read with the conversation before it, into a standalone question. */
public interface QueryRewriter {
    String rewrite(List<Turn> history, String question, String language);
}
