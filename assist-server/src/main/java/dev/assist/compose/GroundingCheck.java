package dev.assist.compose;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.assist.embed.Embedder;
import dev.assist.llm.CitationMarkers;
import dev.assist.llm.NumberedPassage;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generated answer sentence by sentence against the passages it cites, so that an
 * answer with an invented fact falls back to the extractive answer or to a hand-off.
 *
 * <p>A sentence is supported when
 * <ul>
 *   <li>every number in it (price, day count, percentage, also English number words such as
 *       "ninety") appears in its passages, and</li>
 *   <li>its embedding is close to a sentence (or two neighbouring sentences) of its passages:
 *       cosine at least the semantic threshold; or nearly all of its content words occur in its
 *       passages (the lexical threshold) and its cosine still reaches a lower floor.</li>
 * </ul>
 * "Its passages" are the given passages that the sentence cites with {@code [n]}, or all given
 * passages when it cites none. A citation marker standing after the full stop ({@code "days. [1]"})
 * belongs to the sentence before it. Sentences with fewer than {@value #MIN_CONTENT_WORDS} content
 * words and no number ("Hope this helps!") are {@link Support#TRIVIAL}: neither evidence nor harm.
 * The answer is grounded when no sentence is unsupported and at least one is supported by evidence.
 *
 * <p>The numbers check is what catches the dangerous errors: embeddings place "Refunds take 90
 * days" right next to "Refunds take 5-10 business days". Content words are compared by a crude
 * stem (first five letters; a plural "s" dropped), which works for English and roughly for other
 * Latin-script languages; an answer written in another language than its passages needs a
 * multilingual embedding model to be judged fairly.
 *
 * <p>Cost: one embedding call for the answer's sentences and the passage sentences not seen
 * before (the vectors of up to {@value #PASSAGE_VECTOR_CACHE_SIZE} passage sentences are kept,
 * about 15 MB with a 384-dimensional model). Thread-safe.
 */
public final class GroundingCheck {

    /**
     * Default cosine similarity that supports a sentence on its own. With bge-small-en-v1.5 a
     * faithful paraphrase of a passage scores about 0.80-0.98 and a plausible claim on the same
     * topic that the passage does not make about 0.70-0.86, so similarity alone decides only at
     * the top of that range (calibration sentences in GroundingCheckTest).
     */
    public static final double DEFAULT_SEMANTIC_THRESHOLD = 0.86;

    /** Default share of a sentence's content words that must occur in its passages for lexical support. */
    public static final double DEFAULT_LEXICAL_THRESHOLD = 0.90;

    /**
     * Default similarity that a sentence needs even when its words are covered: recombining a
     * passage's words into a claim it does not make ("deleted immediately") scores lower.
     */
    public static final double DEFAULT_LEXICAL_SIMILARITY_FLOOR = 0.80;

    /** Below this many content words (and with no number) a sentence is not judged. */
    public static final int MIN_CONTENT_WORDS = 3;

    /** How a sentence was judged. */
    public enum Support {
        /** Close in meaning to a sentence of its passages. */
        SEMANTIC,
        /** Most of its content words occur in its passages. */
        LEXICAL,
        /** Too short to carry a claim (a greeting, "Yes."); not evidence either way. */
        TRIVIAL,
        /** Neither close in meaning nor covered by words. */
        UNSUPPORTED,
        /** It states a number that its passages do not contain. */
        NUMBER_MISMATCH;

        /** True for the kinds that let the answer through. */
        public boolean supported() {
            return this == SEMANTIC || this == LEXICAL || this == TRIVIAL;
        }
    }

    /**
     * The verdict on one sentence: the sentence without markers, the passages it cites, its best
     * cosine similarity and which passage gave it (0 when there was none), the share of its
     * content words found, the numbers its passages lack, and the reason.
     */
    public record SentenceSupport(String sentence, List<Integer> citedNumbers, double similarity,
                                  int bestPassage, double coverage, List<String> unmatchedNumbers,
                                  Support support) {

        public SentenceSupport {
            Objects.requireNonNull(sentence, "sentence");
            citedNumbers = List.copyOf(citedNumbers);
            unmatchedNumbers = List.copyOf(unmatchedNumbers);
            Objects.requireNonNull(support, "support");
        }

        /** True when this sentence does not stop the answer. */
        public boolean supported() {
            return support.supported();
        }
    }

    /** The verdict on a whole answer, with one entry per sentence in answer order. */
    public record GroundingResult(boolean grounded, List<SentenceSupport> sentences) {

        public GroundingResult {
            sentences = List.copyOf(sentences);
        }

        /** The sentences that stopped the answer. */
        public List<SentenceSupport> unsupported() {
            return sentences.stream().filter(s -> !s.supported()).toList();
        }
    }

    private static final Pattern LIST_PREFIX = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-*•+>])\\s+");
    private static final Pattern MARKDOWN = Pattern.compile("\\*\\*|__|`|^#+\\s*|\\|");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(\\s*" + CitationMarkers.MARKER.pattern() + ")+");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** "5-10", "5 – 10", "5 to 10"; not a date such as 2026-03-09. */
    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\d.,-])(\\d+(?:[.,]\\d+)?)\\s*(?:-|–|—|\\bto\\b)\\s*(\\d+(?:[.,]\\d+)?)(?![\\d]|[.,]\\d|-\\d)");
    /** Markers standing after the sentence's full stop, to be moved before it. */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile(
            "([.!?])((?:\\s*" + CitationMarkers.MARKER.pattern() + ")+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Map<String, String> NUMBER_WORDS = numberWords();
    /**
     * Function and courtesy words. Words that restrict a claim ("only", "not", "all", "before",
     * "always") are deliberately not here: a sentence that adds one must find it in its passages.
     */
    private static final Set<String> STOPWORDS = Set.of(
            // English
            "the", "and", "for", "are", "but", "you", "your", "yours", "can", "was", "one", "our", "out",
            "has", "have", "had", "how", "its", "may", "who", "did", "get", "got", "this", "that", "these",
            "those", "with", "from", "they", "them", "their", "there", "then", "than", "what", "when", "where",
            "which", "will", "would", "should", "could", "been", "being", "were", "into", "onto", "also", "just",
            "some", "such", "very", "here", "about", "does", "doing", "because", "while", "why", "yes", "please",
            "thanks", "thank", "let", "know", "need", "want", "like", "sure", "help", "helps", "hope", "happy",
            "glad", "sorry", "hear", "hello", "dear", "welcome", "reaching", "question", "questions", "able",
            "via",
            // German, French, Spanish function words of three letters or more
            "der", "die", "das", "und", "ist", "mit", "für", "von", "den", "dem", "des", "ein", "eine", "einen",
            "sie", "ihr", "ihre", "ihren", "wir", "auf", "bei", "oder", "wenn", "wird", "werden", "sind",
            "les", "une", "est", "pour", "dans", "que", "qui", "vous", "votre", "vos", "sur", "avec",
            "sont", "aux", "par", "los", "las", "una", "por", "para", "con", "del", "usted", "sus", "como");

    /** How many passage sentences keep their vectors: popular passages come back for many answers. */
    public static final int PASSAGE_VECTOR_CACHE_SIZE = 10_000;

    private final Embedder embedder;
    private final Cache<String, float[]> passageVectors =
            Caffeine.newBuilder().maximumSize(PASSAGE_VECTOR_CACHE_SIZE).build();
    private final double semanticThreshold;
    private final double lexicalThreshold;
    private final double lexicalSimilarityFloor;

    /** A check with the default thresholds, calibrated for the bundled bge-small-en-v1.5 model. */
    public GroundingCheck(Embedder embedder) {
        this(embedder, DEFAULT_SEMANTIC_THRESHOLD, DEFAULT_LEXICAL_THRESHOLD, DEFAULT_LEXICAL_SIMILARITY_FLOOR);
    }

    /**
     * @param semanticThreshold      cosine similarity (0-1] that supports a sentence by itself;
     *                               depends on the embedding model ({@link #DEFAULT_SEMANTIC_THRESHOLD})
     * @param lexicalThreshold       share (0-1] of content words found in the passages that, together
     *                               with the floor, supports a sentence ({@link #DEFAULT_LEXICAL_THRESHOLD})
     * @param lexicalSimilarityFloor the similarity a lexically covered sentence still needs
     *                               ({@link #DEFAULT_LEXICAL_SIMILARITY_FLOOR}); 0 turns it off
     */
    public GroundingCheck(Embedder embedder, double semanticThreshold, double lexicalThreshold,
                          double lexicalSimilarityFloor) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        requireFraction("semanticThreshold", semanticThreshold, false);
        requireFraction("lexicalThreshold", lexicalThreshold, false);
        requireFraction("lexicalSimilarityFloor", lexicalSimilarityFloor, true);
        this.semanticThreshold = semanticThreshold;
        this.lexicalThreshold = lexicalThreshold;
        this.lexicalSimilarityFloor = lexicalSimilarityFloor;
    }

    private static void requireFraction(String name, double value, boolean zeroAllowed) {
        boolean ok = (zeroAllowed ? value >= 0 : value > 0) && value <= 1;
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]")
                    + "; got " + value);
        }
    }

    /**
     * Judges every sentence of {@code answer} (with its {@code [n]} markers) against
     * {@code passages}. An empty answer, or no passages, is not grounded.
     */
    public GroundingResult check(String answer, List<NumberedPassage> passages) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(passages, "passages");
        List<AnswerSentence> sentences = answerSentences(answer);
        if (sentences.isEmpty() || passages.isEmpty()) {
            return new GroundingResult(false, sentences.stream()
                    .map(s -> new SentenceSupport(s.text, s.cited, 0, 0, 0, List.of(), Support.UNSUPPORTED))
                    .toList());
        }
        Map<Integer, Evidence> evidence = evidence(passages);
        Map<String, float[]> vectors = embedAll(sentences, evidence.values());

        List<SentenceSupport> judged = new ArrayList<>(sentences.size());
        for (AnswerSentence sentence : sentences) {
            judged.add(judge(sentence, evidenceFor(sentence, evidence), vectors));
        }
        boolean anyEvidence = judged.stream().anyMatch(s -> s.support() == Support.SEMANTIC || s.support() == Support.LEXICAL);
        boolean noneUnsupported = judged.stream().allMatch(SentenceSupport::supported);
        return new GroundingResult(anyEvidence && noneUnsupported, judged);
    }

    private SentenceSupport judge(AnswerSentence sentence, List<Evidence> sources, Map<String, float[]> vectors) {
        float[] vector = vectors.get(sentence.text);
        double best = 0;
        int bestPassage = 0;
        Set<String> passageStems = new HashSet<>();
        Set<String> passageNumbers = new HashSet<>();
        for (Evidence source : sources) {
            passageStems.addAll(source.stems);
            passageNumbers.addAll(source.numbers);
            for (String passageSentence : source.sentences) {
                double similarity = dot(vector, vectors.get(passageSentence));
                if (similarity > best) {
                    best = similarity;
                    bestPassage = source.n;
                }
            }
        }
        List<String> stems = contentStems(sentence.text);
        double coverage = stems.isEmpty() ? 0 : stems.stream().filter(passageStems::contains).count() / (double) stems.size();
        List<String> unmatched = numbers(sentence.text).stream().filter(n -> !passageNumbers.contains(n)).toList();

        Support support;
        if (!unmatched.isEmpty()) {
            support = Support.NUMBER_MISMATCH;
        } else if (best >= semanticThreshold) {
            support = Support.SEMANTIC;
        } else if (coverage >= lexicalThreshold && best >= lexicalSimilarityFloor
                && stems.size() >= MIN_CONTENT_WORDS) {
            support = Support.LEXICAL;
        } else if (stems.size() < MIN_CONTENT_WORDS && numbers(sentence.text).isEmpty()) {
            support = Support.TRIVIAL;
        } else {
            support = Support.UNSUPPORTED;
        }
        return new SentenceSupport(sentence.text, sentence.cited, best, bestPassage, coverage, unmatched, support);
    }

    private static List<Evidence> evidenceFor(AnswerSentence sentence, Map<Integer, Evidence> evidence) {
        List<Evidence> cited = sentence.cited.stream().map(evidence::get).filter(Objects::nonNull).toList();
        return cited.isEmpty() ? List.copyOf(evidence.values()) : cited;
    }

    /** Vectors for every sentence involved; passage sentences come from the cache when seen before. */
    private Map<String, float[]> embedAll(List<AnswerSentence> sentences, Iterable<Evidence> evidence) {
        Set<String> texts = new LinkedHashSet<>();
        sentences.forEach(s -> texts.add(s.text));
        evidence.forEach(e -> texts.addAll(e.sentences));
        Map<String, float[]> byText = new HashMap<>(passageVectors.getAllPresent(texts));
        List<String> missing = texts.stream().filter(t -> !byText.containsKey(t)).toList();
        List<float[]> vectors = embedder.embedDocuments(missing);
        for (int i = 0; i < missing.size(); i++) {
            byText.put(missing.get(i), vectors.get(i));
        }
        evidence.forEach(e -> e.sentences.forEach(t -> passageVectors.put(t, byText.get(t))));
        return byText;
    }

    private static Map<Integer, Evidence> evidence(List<NumberedPassage> passages) {
        Map<Integer, Evidence> byNumber = new LinkedHashMap<>();
        for (NumberedPassage p : passages) {
            String all = p.title() + "\n" + p.text();
            byNumber.put(p.n(), new Evidence(p.n(), withPairs(sentences(p.text())),
                    new HashSet<>(contentStems(all)), passageNumbers(all)));
        }
        return byNumber;
    }

    /**
     * The sentences and each two neighbours joined: an answer sentence often condenses two
     * sentences of a passage ("not refunded; cancellation takes effect at the end ...").
     */
    private static List<String> withPairs(List<String> sentences) {
        List<String> result = new ArrayList<>(sentences);
        for (int i = 0; i + 1 < sentences.size(); i++) {
            result.add(sentences.get(i) + " " + sentences.get(i + 1));
        }
        return result;
    }

    /** The answer's sentences without markers, each with the passages it cites. */
    static List<AnswerSentence> answerSentences(String answer) {
        List<AnswerSentence> result = new ArrayList<>();
        // "days. [1] Next" does not split at the full stop: the marker must stand before it.
        String normalized = MARKERS_AFTER_STOP.matcher(answer).replaceAll("$2$1");
        for (String piece : sentences(normalized)) {
            Matcher leading = LEADING_MARKERS.matcher(piece);
            if (leading.find() && !result.isEmpty()) {
                // "... days. [1] Next sentence": the marker belongs to the sentence before it.
                AnswerSentence previous = result.remove(result.size() - 1);
                Set<Integer> merged = new LinkedHashSet<>(previous.cited);
                merged.addAll(CitationMarkers.cited(leading.group()));
                result.add(new AnswerSentence(previous.text, List.copyOf(merged)));
                piece = piece.substring(leading.end());
            }
            String text = CitationMarkers.strip(piece);
            if (!WORD.matcher(text).find()) {
                continue;
            }
            result.add(new AnswerSentence(text, CitationMarkers.cited(piece)));
        }
        return result;
    }

    /** Sentences of a text: one per line at least, lines split by {@link BreakIterator}, markdown removed. */
    static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        for (String rawLine : text.split("\\R")) {
            String line = MARKDOWN.matcher(LIST_PREFIX.matcher(rawLine).replaceFirst("")).replaceAll(" ")
                    .replaceAll("\\s{2,}", " ").strip();
            if (line.isEmpty()) {
                continue;
            }
            breaks.setText(line);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = line.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    result.add(sentence);
                }
            }
        }
        return result;
    }

    /**
     * The numbers a text states, normalized: digits only (no grouping or decimal separator, no
     * leading zeros), a range as {@code "5-10"}, English number words as digits. A range in an
     * answer must be a range of the passages: "3-5 business days" is not supported by a passage
     * that mentions 3 May and 5-10 days.
     */
    static List<String> numbers(String text) {
        String plain = CitationMarkers.MARKER.matcher(text).replaceAll(" ");
        List<String> result = new ArrayList<>();
        Matcher ranges = RANGE.matcher(plain);
        StringBuilder rest = new StringBuilder();
        while (ranges.find()) {
            result.add(normalize(ranges.group(1)) + "-" + normalize(ranges.group(2)));
            ranges.appendReplacement(rest, " ");
        }
        ranges.appendTail(rest);
        Matcher digits = DIGITS.matcher(rest);
        while (digits.find()) {
            result.add(normalize(digits.group()));
        }
        Matcher words = WORD.matcher(rest.toString().toLowerCase(Locale.ROOT));
        while (words.find()) {
            String number = NUMBER_WORDS.get(words.group());
            if (number != null) {
                result.add(number);
            }
        }
        return result;
    }

    /** What a passage offers as numbers: each stated number, each range and each range's ends. */
    private static Set<String> passageNumbers(String text) {
        Set<String> offered = new HashSet<>();
        for (String number : numbers(text)) {
            offered.add(number);
            int dash = number.indexOf('-');
            if (dash > 0) {
                offered.add(number.substring(0, dash));
                offered.add(number.substring(dash + 1));
            }
        }
        return offered;
    }

    private static String normalize(String number) {
        return number.replaceAll("[.,]", "").replaceFirst("^0+(?=\\d)", "");
    }

    /** Crude stems of the words that carry meaning: no numbers, no short or function words. */
    static List<String> contentStems(String text) {
        List<String> stems = new ArrayList<>();
        Matcher words = WORD.matcher(CitationMarkers.MARKER.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (word.length() < 3 || STOPWORDS.contains(word) || NUMBER_WORDS.containsKey(word)
                    || word.chars().allMatch(Character::isDigit)) {
                continue;
            }
            stems.add(stem(word));
        }
        return stems;
    }

    private static String stem(String word) {
        if (word.length() > 5) {
            return word.substring(0, 5);
        }
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Map<String, String> numberWords() {
        String[] small = {"zero", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"};
        Map<String, String> words = new HashMap<>();
        for (int i = 0; i < small.length; i++) {
            if (!small[i].isEmpty()) { // "one" is too often a pronoun ("the annual one") to count as 1
                words.put(small[i], Integer.toString(i));
            }
        }
        String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            words.put(tens[i], Integer.toString((i + 3) * 10));
        }
        words.put("hundred", "100");
        return Map.copyOf(words);
    }

    /** A sentence of the answer without markers, with the passage numbers it cites. */
    record AnswerSentence(String text, List<Integer> cited) {
    }

    /** What one passage offers: its sentences (embedded), its content stems and its numbers. */
    private record Evidence(int n, List<String> sentences, Set<String> stems, Set<String> numbers) {
    }
}
