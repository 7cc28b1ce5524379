package dev.assist.llm;

import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates a customer answer from numbered passages with {@code answer.v1}, and reads the reply:
 * citations of passages that were not given are dropped, and the {@link #HANDOFF} sentinel
 * becomes a declined answer.
 *
 * <p>The answer is not yet checked against the passages: the caller runs the grounding check
 * and falls back to the extractive answer when it fails.
 */
public final class LlmAnswerGenerator {

    /** What the prompt tells the model to reply when the passages do not answer the question. */
    public static final String HANDOFF = "HANDOFF";

    private static final Pattern HANDOFF_WORD = Pattern.compile("(?<![\\p{L}\\p{N}_])" + HANDOFF + "(?![\\p{L}\\p{N}_])");
    private static final Pattern ECHOED_LABEL = Pattern.compile("^(?i:answer)\\s*:\\s*");

    private final ResilientChat chat;
    private final Prompts prompts;

    public LlmAnswerGenerator(ResilientChat chat, Prompts prompts) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * The whole answer at once. With no passages the model is not called: the answer is declined.
     *
     * @throws LlmUnavailableException when the model fails, times out or replies with nothing
     */
    public GeneratedAnswer generate(GenerationInput input) {
        if (input.passages().isEmpty()) {
            return GeneratedAnswer.decline();
        }
        return parse(chat.complete(messages(input)), input.passages());
    }

    /**
     * The answer streamed: text goes to {@code onDelta} as it arrives, except a leading
     * {@link #HANDOFF}, which is held back so the customer never sees it. Deltas are the model's raw
     * text; the returned answer is authoritative (unknown citations removed, {@code declined} set
     * even if the model said {@code HANDOFF} only after some text).
     *
     * @throws LlmUnavailableException when the model fails, times out or replies with nothing
     */
    public GeneratedAnswer stream(GenerationInput input, Consumer<String> onDelta) {
        Objects.requireNonNull(onDelta, "onDelta");
        if (input.passages().isEmpty()) {
            return GeneratedAnswer.decline();
        }
        HandoffGate gate = new HandoffGate(onDelta);
        String reply = chat.stream(messages(input), gate);
        gate.flush();
        return parse(reply, input.passages());
    }

    private List<ChatMessage> messages(GenerationInput input) {
        return List.of(UserMessage.from(prompts.answer(input)));
    }

    /** Reads a reply to {@code answer.v1} given the passages it was asked about. */
    static GeneratedAnswer parse(String reply, List<NumberedPassage> passages) {
        if (reply == null || reply.isBlank()) {
            throw new LlmUnavailableException(Reason.MALFORMED_REPLY, "the model returned an empty answer");
        }
        if (HANDOFF_WORD.matcher(reply).find()) {
            return GeneratedAnswer.decline();
        }
        Set<Integer> given = passages.stream().map(NumberedPassage::n).collect(Collectors.toSet());
        String text = CitationMarkers.keepOnly(ECHOED_LABEL.matcher(reply.strip()).replaceFirst(""), given).strip();
        if (text.isEmpty()) {
            throw new LlmUnavailableException(Reason.MALFORMED_REPLY, "the model's answer holds only citations");
        }
        return new GeneratedAnswer(text, CitationMarkers.cited(text, given), false);
    }

    /** Holds deltas back while the reply so far could still be the sentinel. */
    private static final class HandoffGate implements Consumer<String> {
        private final Consumer<String> downstream;
        private final StringBuilder held = new StringBuilder();
        private boolean open;
        private boolean declined;

        HandoffGate(Consumer<String> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void accept(String delta) {
            if (open) {
                downstream.accept(delta);
                return;
            }
            if (declined) {
                return;
            }
            held.append(delta);
            String head = held.toString().replaceFirst("^[\\s*_`\"']+", "");
            if (head.isEmpty() || HANDOFF.startsWith(head)) {
                return;
            }
            if (head.startsWith(HANDOFF)) {
                declined = true;
                return;
            }
            open = true;
            downstream.accept(held.toString());
            held.setLength(0);
        }

        /** At the end of the reply: text still held back that did not turn out to be the sentinel. */
        void flush() {
            String head = held.toString().replaceFirst("^[\\s*_`\"']+", "");
            if (!open && !declined && !head.isEmpty() && !head.equals(HANDOFF)) {
                downstream.accept(held.toString());
            }
            held.setLength(0);
        }
    }
}
