package dev.assist.llm;

import dev.assist.conversation.Turn;

import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rewrites a follow-up message into a standalone search question with {@code rewrite.v1}.
 * Any failure is an {@link LlmUnavailableException}, on which the caller uses its deterministic
 * rewriter.
 */
public final class LlmQueryRewriter {

    /** Longer replies are the model explaining or answering, not a question. */
    public static final int MAX_QUESTION_CHARS = 400;

    private static final Pattern LABEL = Pattern.compile(
            "^(?i:(?:standalone|rewritten|search|reformulated)\\s+)?(?i:question|query)\\s*:\\s*");
    private static final String QUOTES = "\"'`“”„‟«»‘’‚‹›「」";

    private final ResilientChat chat;
    private final Prompts prompts;

    public LlmQueryRewriter(ResilientChat chat, Prompts prompts) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * The customer's latest message as a question that stands on its own. Without history there
     * is nothing to resolve: the message comes back unchanged and the model is not called.
     *
     * @throws LlmUnavailableException when the model fails or its reply is not a usable question
     */
    public String rewrite(List<Turn> history, String lastCustomerTurn) {
        if (lastCustomerTurn == null || lastCustomerTurn.isBlank()) {
            throw new IllegalArgumentException("lastCustomerTurn must not be blank");
        }
        if (history == null || history.isEmpty()) {
            return lastCustomerTurn.strip();
        }
        String reply = chat.complete(List.of(UserMessage.from(prompts.rewrite(history, lastCustomerTurn))));
        return clean(reply);
    }

    /** The question in a reply: first non-blank line, without labels, markdown emphasis or quotes. */
    static String clean(String reply) {
        String line = reply == null ? "" : reply.lines().map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
        String previous;
        do {
            previous = line;
            line = line.replaceAll("^[*_#>-]+\\s*|\\s*[*_]+$", "").strip();
            line = LABEL.matcher(line).replaceFirst("").strip();
            line = unquote(line);
        } while (!line.equals(previous));
        if (line.isEmpty()) {
            throw new LlmUnavailableException(Reason.MALFORMED_REPLY, "the rewrite reply holds no question");
        }
        if (line.length() > MAX_QUESTION_CHARS) {
            throw new LlmUnavailableException(Reason.MALFORMED_REPLY,
                    "the rewrite reply is " + line.length() + " characters long, not a single question");
        }
        return line;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && QUOTES.indexOf(text.charAt(0)) >= 0
                && QUOTES.indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }
}
