package dev.assist.bench;

import dev.assist.cli.EmbeddingOptions;
import dev.assist.embed.Embedder;
import dev.assist.embed.Embedders;
import dev.assist.triage.ModelSource;
import dev.assist.triage.SignalDetector;
import dev.assist.triage.Triage;
import dev.assist.triage.TriageConfig;
import dev.assist.triage.TriageRequest;
import dev.assist.triage.learn.IncompatibleModelException;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.LabeledTextReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assist bench triage}: latency of triaging one message (language, intent, sentiment, signals,
 * embedding included) for messages seen for the first time and for repeated ones (embedding cache),
 * and the heap held by the triage models and the language detector, with tenants that each have their
 * own subset of the languages (Lingua's models are shared between them). Run it with
 * {@code ASSIST_JAVA_OPTS=-Xmx400m} to check that the whole triage fits in 400 MB of heap. The embedding
 * model is chosen as for {@code index} and {@code serve}; another one needs models trained with it.
 */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Triage latency per message (cold and cached) and the heap its models hold.")
public final class TriageBenchmark implements Callable<Integer> {
    @Mixin
    EmbeddingOptions embedding = new EmbeddingOptions();

    @Option(names = "--intents", description = "Intent model file (default: the bundled Lumora model).")
    Path intents;

    @Option(names = "--sentiment", description = "Sentiment model file (default: the bundled one).")
    Path sentiment;

    @Option(names = "--messages", defaultValue = "1000", description = "Distinct messages to triage (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--languages", split = ",", description = "Server-wide triage languages, ISO 639-1 (default: en,de,fr,es; "
            + "the server's default `languages` are en,de,fr,es,pt,it,nl).")
    List<String> languages;

    @Option(names = "--texts", description = "Labelled JSONL to take messages from (default: dstc11 queries and banking77 in ../shared/datasets, else eval/datasets/lumora-intents.jsonl).")
    Path texts;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IncompatibleModelException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("bench triage: " + e.getMessage());
            return 1;
        }
    }

    private int run() {
        List<String> sample = sample(); // bad --texts fail before minutes of loading
        long baseline = usedHeap();
        Embedder embedder = Embedders.create(embedding.toConfig());
        long withEmbedder = usedHeap();
        long start = System.nanoTime();
        TriageConfig defaults = TriageConfig.defaults();
        TriageConfig config = withTenantSubsets(languages == null ? defaults
                : new TriageConfig(new TreeSet<>(languages), Map.of(), defaults.language(), defaults.embeddingCacheSize()));
        Set<String> accepted = Triage.acceptedEmbeddingModels(embedder);
        Triage triage = new Triage(embedder, config, model(intents, Triage.BUNDLED_INTENTS, "--intents", accepted),
                model(sentiment, Triage.BUNDLED_SENTIMENT, "--sentiment", accepted), SignalDetector.defaults());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long withTriage = usedHeap();
        System.out.printf(Locale.ROOT, "triage loaded in %.1f s: embedder %s, languages %s, intent model %d labels (~%.1f MiB), sentiment model (~%.1f MiB)%n",
                loadSeconds, embedder.modelId(), new TreeSet<>(config.languages()), triage.intentModel().labels().size(),
                triage.intentModel().approximateBytes() / 1048576.0, triage.sentimentModel().approximateBytes() / 1048576.0);
        System.out.printf(Locale.ROOT, "heap after GC: JVM baseline %d MiB, + embedder %d MiB, + triage models and Lingua %d MiB; max heap %d MiB%n",
                baseline >> 20, (withEmbedder - baseline) >> 20, (withTriage - withEmbedder) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);

        for (int i = 0; i < Math.min(200, sample.size()); i++) { // warm-up: JIT
            triage.triage(TriageRequest.of("warm-up " + i + " " + sample.get(i), "bench"));
        }
        double[] cold = time(triage, sample);
        double[] warm = time(triage, sample);
        List<String> tenants = new ArrayList<>(new TreeSet<>(config.tenantLanguages().keySet()));
        double[] perTenant = time(triage, sample, tenants);
        System.out.printf(Locale.ROOT, "%d messages (median %d chars), one at a time on one thread%n", sample.size(),
                sample.stream().mapToInt(String::length).sorted().toArray()[sample.size() / 2]);
        print("first time (embedding computed)", cold);
        print("repeated (embedding cached)", warm);
        System.out.printf(Locale.ROOT, "%d tenants with their own languages (every 2- and 3-language subset of %s), in turn:%n",
                tenants.size(), new TreeSet<>(config.languages()));
        print("repeated, per-tenant languages", perTenant);
        long peak = usedHeap();
        System.out.printf(Locale.ROOT, "heap after the run, after GC: %d MiB; peak RSS %.0f MiB%n", peak >> 20, ProcessMemory.peakRssMiB());
        System.out.printf(Locale.ROOT, "goal p50 < 10 ms (first time): %s%n", percentile(cold, 0.5) < 10 ? "met" : "NOT met");
        return 0;
    }

    private static ModelSource model(Path file, String bundled, String option, Set<String> accepted) {
        if (file != null) {
            return ModelSource.file(file, accepted);
        }
        try {
            return ModelSource.resource(bundled, accepted);
        } catch (IncompatibleModelException e) {
            throw new IncompatibleModelException(e.getMessage() + ": the bundled model fits the default embedding model only;"
                    + " pass " + option + " with a model trained with this one");
        }
    }

    /**
     * The same languages, plus a tenant for every 2- and 3-language subset of them: Lingua shares its
     * models between detectors, so these should cost no heap beyond the server-wide set's.
     */
    private static TriageConfig withTenantSubsets(TriageConfig config) {
        List<String> languages = new ArrayList<>(new TreeSet<>(config.languages()));
        Map<String, Set<String>> tenants = new HashMap<>();
        for (int mask = 1; mask < 1 << languages.size(); mask++) {
            int size = Integer.bitCount(mask);
            if (size < 2 || size > 3) {
                continue;
            }
            Set<String> subset = new TreeSet<>();
            for (int l = 0; l < languages.size(); l++) {
                if ((mask & 1 << l) != 0) {
                    subset.add(languages.get(l));
                }
            }
            tenants.put("bench-" + String.join("-", subset), subset);
        }
        return new TriageConfig(config.languages(), tenants, config.language(), config.embeddingCacheSize());
    }

    private static double[] time(Triage triage, List<String> sample) {
        return time(triage, sample, List.of("bench"));
    }

    private static double[] time(Triage triage, List<String> sample, List<String> tenants) {
        double[] millis = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long t0 = System.nanoTime();
            triage.triage(TriageRequest.of(sample.get(i), tenants.get(i % tenants.size())));
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String name, double[] sorted) {
        System.out.printf(Locale.ROOT, "  %-32s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", name + ":", percentile(sorted, 0.5),
                percentile(sorted, 0.95), percentile(sorted, 0.99));
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private List<String> sample() {
        List<Path> sources = new ArrayList<>();
        if (texts != null) {
            sources.add(texts);
        } else {
            Path shared = Path.of(System.getProperty("assist.home", "."), "..", "shared", "datasets").normalize();
            Path banking = shared.resolve("banking77/train.jsonl");
            Path emotions = shared.resolve("goemotions_sentiment/dev.jsonl");
            if (Files.isRegularFile(banking) && Files.isRegularFile(emotions)) {
                sources.add(banking);
                sources.add(emotions);
            } else {
                sources.add(Path.of(System.getProperty("assist.home", "."), "eval", "datasets", "lumora-intents.jsonl"));
            }
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int perSource = Math.max(1, messages / sources.size());
        for (Path source : sources) {
            List<LabeledText> rows = LabeledTextReader.read(source);
            int step = Math.max(1, rows.size() / perSource);
            for (int i = 0; i < rows.size() && out.size() < perSource * (sources.indexOf(source) + 1); i += step) {
                out.add(rows.get(i).text());
            }
        }
        return new ArrayList<>(out);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
