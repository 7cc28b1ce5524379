package dev.assist.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.conversation.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds escalation signals in the customer's messages: word patterns per signal and language (a
 * reviewed file, {@code signals.json}), plus two rules no word list covers: shouting or a very
 * negative message with several exclamation marks is {@link Signal#ANGER}, and the customer sending
 * the same text twice is {@link Signal#REPEATED_CONTACT}.
 */
public final class SignalDetector {
    private static final String DEFAULT_RESOURCE = "/dev/assist/triage/signals.json";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /**
     * Characters of messages whose word matches are kept (a conversation's earlier turns come back with
     * every request): weighed by length, so a flood of long texts cannot fill the heap.
     */
    private static final long CACHED_CHARS = 4_000_000;
    private final Map<Signal, List<Pattern>> patterns;
    private final double angerNegativeProbability;
    private final Cache<String, List<WordMatch>> wordMatches = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARS).<String, List<WordMatch>>weigher((text, matches) -> text.length() + 1).build();

    /** The first words of one signal's patterns found in a text. */
    private record WordMatch(Signal signal, String words) {
    }

    public SignalDetector(Map<Signal, List<Pattern>> patterns, double angerNegativeProbability) {
        this.patterns = new EnumMap<>(patterns);
        this.angerNegativeProbability = angerNegativeProbability;
    }

    /** The patterns shipped with Assist. */
    public static SignalDetector defaults() {
        try (InputStream in = SignalDetector.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return fromJson(new ObjectMapper().readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Patterns from a JSON object {@code {"SIGNAL": ["regex", ...], ...}}; a bad name or regex names itself. */
    public static SignalDetector fromJson(JsonNode root, String source) {
        Map<Signal, List<Pattern>> patterns = new EnumMap<>(Signal.class);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().startsWith("_")) {
                continue;
            }
            Signal signal;
            try {
                signal = Signal.valueOf(field.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": unknown signal '" + field.getKey() + "'");
            }
            List<Pattern> list = new ArrayList<>();
            for (JsonNode regex : field.getValue()) {
                try {
                    list.add(Pattern.compile(regex.asText(), FLAGS));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException(source + ": bad pattern for " + signal + ": " + e.getDescription());
                }
            }
            patterns.put(signal, List.copyOf(list));
        }
        return new SignalDetector(patterns, 0.9);
    }

    /** Whether one of the signal's word patterns occurs in the text (the rules beyond word lists are not applied). */
    public boolean matches(Signal signal, String text) {
        return wordMatches.get(text, this::findWords).stream().anyMatch(match -> match.signal() == signal);
    }

    /**
     * Signals in the request's customer messages; {@code lastNegativeProbability} is the sentiment model's
     * probability that the last one is negative (the anger rule uses it).
     */
    public List<SignalHit> detect(List<Message> messages, double lastNegativeProbability) {
        List<SignalHit> hits = new ArrayList<>();
        Set<String> seenTexts = new HashSet<>();
        int lastCustomer = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role() == Role.CUSTOMER) {
                lastCustomer = i;
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message.role() != Role.CUSTOMER) {
                continue;
            }
            String text = message.text().length() > 20_000 ? message.text().substring(0, 20_000) : message.text();
            for (WordMatch match : wordMatches.get(text, this::findWords)) {
                hits.add(new SignalHit(match.signal(), i, "\"" + match.words() + "\""));
            }
            if (isShouting(text)) {
                hits.add(new SignalHit(Signal.ANGER, i, "shouting (mostly capital letters)"));
            }
            if (i == lastCustomer && lastNegativeProbability >= angerNegativeProbability && text.contains("!!")) {
                hits.add(new SignalHit(Signal.ANGER, i, "very negative sentiment with exclamation marks"));
            }
            String normal = text.strip().toLowerCase(Locale.ROOT);
            if (normal.length() >= 12 && !seenTexts.add(normal)) {
                hits.add(new SignalHit(Signal.REPEATED_CONTACT, i, "same message sent again"));
            }
        }
        return hits;
    }

    private List<WordMatch> findWords(String text) {
        List<WordMatch> found = new ArrayList<>();
        for (Map.Entry<Signal, List<Pattern>> entry : patterns.entrySet()) {
            for (Pattern pattern : entry.getValue()) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    found.add(new WordMatch(entry.getKey(), matcher.group()));
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    static boolean isShouting(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters >= 12 && upper >= 0.7 * letters;
    }
}
