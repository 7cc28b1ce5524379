package dev.assist.triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.assist.triage.LanguageGuess;
import dev.assist.triage.LanguageIdentifier;
import dev.assist.triage.LanguageSettings;
import dev.assist.triage.TriageConfig;
import dev.assist.triage.learn.ClassifierMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist eval language}: accuracy of the triage language identifier on labelled sentences
 * ({@code {"text", "lang", "iso639_1"}}, as tatoeba_langid), overall, by length and for texts of 1-3
 * words, beside plain Lingua on the same languages; then a conversation test: each short sentence
 * (1-3 words) follows three other sentences of its language, and the identifier sees them as
 * earlier turns while plain Lingua sees the short one alone.
 */
@Command(name = "language", mixinStandardHelpOptions = true,
        description = "Language identification accuracy, by length, and with conversation context.")
public final class EvalLanguageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--data", required = true, description = "JSONL with text and lang / iso639_1.")
    Path data;

    @Option(names = "--languages", defaultValue = "default", split = ",",
            description = "ISO 639-1 codes to choose between, 'default' (the triage default: en,de,fr,es) or 'all' (every language Lingua knows, about 1.4 GB of heap).")
    List<String> languages;

    @Option(names = "--compare-all-languages",
            description = "Also run Lingua with all its languages in high-accuracy mode (the issue's peer; about 1.4 GB heap, 30 s to load).")
    boolean compareAll;

    @Option(names = "--sharpness", description = "Override the identifier's sharpness.")
    Double sharpness;

    @Option(names = "--min-confidence", description = "Override the identifier's und threshold.")
    Double minConfidence;

    @Option(names = "--fit", description = "Print conversation accuracy for a grid of sharpness values (to fit LanguageSettings).")
    boolean fit;

    @Option(names = "--low-accuracy", description = "Lingua's low-accuracy mode.")
    boolean lowAccuracy;

    private record Row(String text, String gold) {
    }

    @Override
    public Integer call() throws IOException {
        Set<String> codes = codes();
        List<Row> rows = read(codes);
        if (rows.isEmpty()) {
            System.err.println("eval language: no rows of " + codes + " in " + data);
            return 1;
        }
        LanguageSettings defaults = LanguageSettings.defaults();
        LanguageSettings settings = new LanguageSettings(sharpness != null ? sharpness : defaults.sharpness(),
                defaults.switchProbability(), defaults.localeWeight(),
                minConfidence != null ? minConfidence : defaults.minConfidence(), lowAccuracy);
        Runtime runtime = Runtime.getRuntime();
        long before = usedHeap();
        long start = System.nanoTime();
        LanguageIdentifier identifier = new LanguageIdentifier(codes, settings);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeap() - before;
        System.out.printf(Locale.ROOT, "%s: %d rows in %d languages; identifier over %d languages (%s accuracy mode): "
                + "loaded in %.1f s, heap +%d MiB%n", data, rows.size(), rows.stream().map(Row::gold).distinct().count(),
                codes.size(), lowAccuracy ? "low" : "high", loadSeconds, heap >> 20, runtime.maxMemory() >> 20);

        List<String> gold = rows.stream().map(Row::gold).toList();
        String[] ours = new String[rows.size()];
        start = System.nanoTime();
        java.util.stream.IntStream.range(0, rows.size()).parallel()
                .forEach(i -> ours[i] = identifier.identify(rows.get(i).text()).language());
        double perText = (System.nanoTime() - start) / 1e6 / rows.size() * Runtime.getRuntime().availableProcessors();
        report("identifier, one message, no context (und counts as wrong)", rows, gold, Arrays.asList(ours));
        System.out.printf(Locale.ROOT, "  about %.2f ms per text per core; und on %.1f%% of rows%n", perText,
                100.0 * Arrays.stream(ours).filter(LanguageGuess.UNDETERMINED::equals).count() / rows.size());

        LanguageDetector restricted = builder(codes).build();
        report("plain Lingua on the same languages, no context", rows, gold, detect(restricted, rows));
        if (compareAll) {
            long allStart = System.nanoTime();
            long allBefore = usedHeap();
            LanguageDetector all = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
            System.out.printf(Locale.ROOT, "Lingua, all languages, high accuracy: loaded in %.1f s, heap +%d MiB%n",
                    (System.nanoTime() - allStart) / 1e9, (usedHeap() - allBefore) >> 20);
            report("plain Lingua with ALL its languages (the issue's peer), no context", rows, gold, detect(all, rows));
            all.unloadLanguageModels();
        }

        double conversation = conversationTest(rows, identifier, restricted, true);
        if (fit) {
            for (double s : new double[] {0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3}) {
                LanguageIdentifier candidate = new LanguageIdentifier(codes, new LanguageSettings(s,
                        settings.switchProbability(), settings.localeWeight(), settings.minConfidence(), lowAccuracy));
                List<String> single = java.util.stream.IntStream.range(0, rows.size()).parallel()
                        .mapToObj(i -> candidate.identify(rows.get(i).text()).language()).toList();
                double singleAccuracy = ClassifierMetrics.of(gold, single).accuracy();
                System.out.printf(Locale.ROOT, "fit: sharpness %.2f -> one message %.4f, short after context %.4f%n", s,
                        singleAccuracy, conversationTest(rows, candidate, restricted, false));
            }
        }
        System.out.println(ClassifierMetrics.of(gold, Arrays.asList(ours)).summaryLine()
                + String.format(Locale.ROOT, " short_in_conversation=%.4f", conversation));
        return 0;
    }

    /** Accuracy on 1-3 word rows that follow three other sentences of the same language. */
    private double conversationTest(List<Row> rows, LanguageIdentifier identifier, LanguageDetector plain, boolean print) {
        Map<String, List<Row>> byLanguage = new HashMap<>();
        rows.forEach(row -> byLanguage.computeIfAbsent(row.gold(), g -> new ArrayList<>()).add(row));
        Random random = new Random(7);
        List<String> gold = new ArrayList<>();
        List<String> withContext = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        List<String> plainAlone = new ArrayList<>();
        for (Row row : rows) {
            if (words(row.text()) > 3) {
                continue;
            }
            List<Row> same = byLanguage.get(row.gold());
            List<String> turns = new ArrayList<>();
            while (turns.size() < 3 && same.size() > 3) {
                Row other = same.get(random.nextInt(same.size()));
                if (other != row && !turns.contains(other.text())) {
                    turns.add(other.text());
                }
            }
            turns.add(row.text());
            gold.add(row.gold());
            withContext.add(identifier.identify(turns, Optional.empty()).language());
            if (print) {
                alone.add(identifier.identify(row.text()).language());
                plainAlone.add(code(plain.detectLanguageOf(row.text())));
            }
        }
        if (gold.isEmpty()) {
            return Double.NaN;
        }
        double accuracy = ClassifierMetrics.of(gold, withContext).accuracy();
        if (print) {
            System.out.printf(Locale.ROOT, "conversation test (%d short messages of 1-3 words, each after 3 sentences of its language):%n"
                    + "  plain Lingua, message alone:       %.4f%n  identifier, message alone:         %.4f (und %.1f%%)%n"
                    + "  identifier with the earlier turns: %.4f%n", gold.size(),
                    ClassifierMetrics.of(gold, plainAlone).accuracy(), ClassifierMetrics.of(gold, alone).accuracy(),
                    100.0 * alone.stream().filter(LanguageGuess.UNDETERMINED::equals).count() / alone.size(), accuracy);
        }
        return accuracy;
    }

    private void report(String title, List<Row> rows, List<String> gold, List<String> predicted) {
        System.out.println(title + ":");
        System.out.printf(Locale.ROOT, "  all %d rows: accuracy %.4f%n", rows.size(), ClassifierMetrics.of(gold, predicted).accuracy());
        int[][] buckets = {{1, 10}, {11, 20}, {21, 40}, {41, Integer.MAX_VALUE}};
        for (int[] bucket : buckets) {
            bucket(rows, gold, predicted, "  " + bucket[0] + (bucket[1] == Integer.MAX_VALUE ? "+" : "-" + bucket[1]) + " chars",
                    row -> row.text().length() >= bucket[0] && row.text().length() <= bucket[1]);
        }
        bucket(rows, gold, predicted, "  1-3 words", row -> words(row.text()) <= 3);
    }

    private static void bucket(List<Row> rows, List<String> gold, List<String> predicted, String name,
                               java.util.function.Predicate<Row> in) {
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (in.test(rows.get(i))) {
                g.add(gold.get(i));
                p.add(predicted.get(i));
            }
        }
        if (!g.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-16s %6d rows: accuracy %.4f%n", name + ":", g.size(), ClassifierMetrics.of(g, p).accuracy());
        }
    }

    private static List<String> detect(LanguageDetector detector, List<Row> rows) {
        String[] out = new String[rows.size()];
        java.util.stream.IntStream.range(0, rows.size()).parallel()
                .forEach(i -> out[i] = code(detector.detectLanguageOf(rows.get(i).text())));
        return Arrays.asList(out);
    }

    private static String code(Language language) {
        return language == Language.UNKNOWN ? LanguageGuess.UNDETERMINED
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    static int words(String text) {
        return text.trim().split("\\s+").length;
    }

    private Set<String> codes() {
        if (languages.size() == 1 && languages.get(0).equals("default")) {
            return new TreeSet<>(TriageConfig.defaults().languages());
        }
        if (languages.size() == 1 && languages.get(0).equals("all")) {
            Set<String> all = new TreeSet<>();
            for (Language language : Language.values()) {
                if (language != Language.UNKNOWN) {
                    all.add(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
                }
            }
            return all;
        }
        Set<String> set = new LinkedHashSet<>();
        languages.forEach(code -> set.add(code.trim().toLowerCase(Locale.ROOT)));
        return set;
    }

    private LanguageDetectorBuilder builder(Set<String> codes) {
        IsoCode639_1[] iso = codes.stream().map(c -> IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT))).toArray(IsoCode639_1[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromIsoCodes639_1(iso);
        return lowAccuracy ? builder.withLowAccuracyMode() : builder;
    }

    /** Rows whose language (ISO 639-1, or the macrolanguage's) is one of {@code codes}. */
    private List<Row> read(Set<String> codes) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(data);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(data + ":" + (i + 1) + ": malformed JSON (" + e.getOriginalMessage() + ")");
            }
            String code = row.path("iso639_1").asText("");
            if (code.isEmpty() || code.equals("null")) {
                code = row.path("macrolanguage").asText("");
            }
            if (code.isEmpty() || code.equals("null")) {
                code = row.path("lang").asText("");
            }
            if (codes.contains(code) && row.path("text").isTextual() && !row.path("text").asText().isBlank()) {
                rows.add(new Row(row.path("text").asText(), code));
            }
        }
        return rows;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
