package dev.assist.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assist.llm.LlmUnavailableException.Reason;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes three reply drafts for a support agent with {@code suggest.v1}: different in tone or
 * approach, each citing the passages it uses.
 *
 * <p>Models wrap JSON in code fences, put a sentence before it, leave raw line breaks in strings
 * or a trailing comma: all of that is read. A reply without three usable drafts is
 * {@code MALFORMED_REPLY}.
 */
public final class LlmReplySuggester {

    /** How many drafts the agent sidebar shows. */
    public static final int DRAFTS = 3;

    private static final List<String> DEFAULT_TONES = List.of("concise", "empathetic", "step-by-step");
    private static final List<String> TEXT_FIELDS = List.of("text", "reply", "draft", "content", "message");
    private static final Pattern HANDOFF_ONLY = Pattern.compile("^[\\s*_`\"']*" + LlmAnswerGenerator.HANDOFF
            + "[\\s*_`\"'.]*$");
    private static final Pattern ARRAY_START = Pattern.compile("\\[\\s*\\{");
    private static final JsonMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private final ResilientChat chat;
    private final Prompts prompts;

    public LlmReplySuggester(ResilientChat chat, Prompts prompts) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * Exactly {@value #DRAFTS} drafts, or an empty list when there is nothing to ground them in: no
     * passages (the model is not called) or the model's {@code HANDOFF}.
     *
     * @throws LlmUnavailableException when the model fails or its reply holds fewer than three drafts
     */
    public List<Draft> suggest(SuggestionInput input) {
        if (input.passages().isEmpty()) {
            return List.of();
        }
        String reply = chat.complete(List.of(UserMessage.from(prompts.suggest(input))));
        Set<Integer> given = input.passages().stream().map(NumberedPassage::n).collect(Collectors.toSet());
        return parse(reply, given);
    }

    /** Reads a reply to {@code suggest.v1}; citations outside {@code given} are dropped. */
    static List<Draft> parse(String reply, Set<Integer> given) {
        if (reply == null || reply.isBlank()) {
            throw malformed("the model returned nothing");
        }
        if (HANDOFF_ONLY.matcher(reply).matches()) {
            return List.of();
        }
        JsonNode array = findDraftArray(reply)
                .orElseThrow(() -> malformed("no JSON array of drafts in the reply: " + abbreviate(reply)));
        List<Draft> drafts = new ArrayList<>(DRAFTS);
        for (JsonNode item : array) {
            if (drafts.size() == DRAFTS) {
                break;
            }
            toDraft(item, drafts.size(), given).ifPresent(drafts::add);
        }
        if (drafts.size() < DRAFTS) {
            throw malformed("the reply holds " + drafts.size() + " usable drafts, " + DRAFTS + " are needed");
        }
        return List.copyOf(drafts);
    }

    private static Optional<Draft> toDraft(JsonNode item, int position, Set<Integer> given) {
        if (item.isTextual()) {
            return draft(DEFAULT_TONES.get(position), item.asText(), given);
        }
        if (!item.isObject()) {
            return Optional.empty();
        }
        String text = TEXT_FIELDS.stream().map(item::get).filter(n -> n != null && n.isTextual())
                .map(JsonNode::asText).findFirst().orElse("");
        JsonNode tone = item.get("tone");
        String toneText = tone != null && tone.isTextual() && !tone.asText().isBlank()
                ? tone.asText().strip() : DEFAULT_TONES.get(position);
        return draft(toneText, text, given);
    }

    private static Optional<Draft> draft(String tone, String rawText, Set<Integer> given) {
        String text = CitationMarkers.keepOnly(rawText.strip(), given).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Draft(tone, text, CitationMarkers.cited(text, given)));
    }

    /**
     * The first JSON array of objects in the reply, or the first array field of the first JSON
     * object ({@code {"drafts": [...]}}). Text around it, code fences included, is ignored.
     */
    private static Optional<JsonNode> findDraftArray(String reply) {
        Matcher m = ARRAY_START.matcher(reply);
        while (m.find()) {
            Optional<JsonNode> node = readValueAt(reply, m.start());
            if (node.isPresent() && node.get().isArray()) {
                return node;
            }
        }
        for (int i = reply.indexOf('{'); i >= 0; i = reply.indexOf('{', i + 1)) {
            Optional<JsonNode> node = readValueAt(reply, i);
            if (node.isPresent() && node.get().isObject()) {
                for (Map.Entry<String, JsonNode> field : node.get().properties()) {
                    if (field.getValue().isArray()) {
                        return Optional.of(field.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Reads one JSON value starting at {@code offset}; what follows it is ignored. */
    private static Optional<JsonNode> readValueAt(String text, int offset) {
        try (JsonParser parser = LENIENT_JSON.createParser(text.substring(offset))) {
            return Optional.ofNullable(LENIENT_JSON.readTree(parser));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static LlmUnavailableException malformed(String message) {
        return new LlmUnavailableException(Reason.MALFORMED_REPLY, message);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
