package dev.assist.triage.cli;


import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.embed.Embedder;
import dev.assist.triage.learn.ClassifierTrainer;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.LabeledTextReader;
import dev.assist.triage.learn.ModelFile;
import dev.assist.triage.learn.ModelHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assist train intents|sentiment}: cross-validates, prints held-out numbers, writes the model file. */
@Command(mixinStandardHelpOptions = true,
        description = "Train a triage classifier from labelled JSONL ({\"text\", \"label\"} per line).")
public final class TrainClassifierCommand implements Callable<Integer> {
    private final ClassifierKind kind;

    @Option(names = "--data", required = true, description = "Labelled JSONL file.")
    Path data;

    @Option(names = "--out", required = true, description = "Model file to write.")
    Path out;

    @Option(names = "--labels", description = "labels.jsonl listing every allowed label; other labels are an error.")
    Path labels;

    @Option(names = "--keep-labels", split = ",",
            description = "Use only rows with these labels (sentiment default: negative,neutral,positive).")
    Set<String> keepLabels;

    @Option(names = "--where", description = "Use only rows where FIELD=VALUE[,VALUE...] or FIELD!=VALUE (e.g. lang=en).")
    List<String> where;

    @Option(names = "--embedding-cache", description = "File that keeps embeddings between runs.")
    Path embeddingCache;

    @Option(names = "--languages", split = ",",
            description = "Languages of the training texts (ISO 639-1, e.g. en), recorded in the model: for an angry message"
                    + " in another language triage uses the training base rates instead of the model's guess.")
    List<String> languages;

    @Option(names = "--held-out", description = "Also write each training row's held-out fold, label, logits and neighbour vote (JSONL).")
    Path heldOut;

    @Mixin
    ClassifierTrainingOptions training = new ClassifierTrainingOptions();

    @Mixin
    TriageEmbeddingOptions embedding = new TriageEmbeddingOptions();

    TrainClassifierCommand(ClassifierKind kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() throws IOException {
        try {
            return train();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("train " + kind.command + ": " + e.getMessage());
            return 1;
        }
    }

    private int train() throws IOException {
        long start = System.nanoTime();
        refuseToOverwriteOtherFiles();
        Optional<Set<String>> keep = keepLabels != null ? Optional.of(keepLabels) : kind.defaultKeep;
        List<LabeledText> rows = LabeledTextReader.read(data,
                RowFilter.of(keep, where),
                labels == null ? Optional.empty() : Optional.of(LabeledTextReader.readLabels(labels)));
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(LabeledText::label, TreeMap::new,
                Collectors.counting()));
        System.out.printf(Locale.ROOT, "data %s: %d rows, %d labels%n", data, rows.size(), counts.size());
        Embedder embedder = embedding.create();
        List<float[]> vectors = new EmbeddingCache(embedder, embeddingCache)
                .embed(rows.stream().map(LabeledText::text).toList());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "./assist train " + kind.command + " " + String.join(" ", commandLine()));
        provenance.put("data", data.getFileName().toString());
        provenance.put("dataSha256", sha256(data));
        provenance.put("date", LocalDate.now().toString());
        if (languages != null && !languages.isEmpty()) {
            provenance.put(ModelHeader.LANGUAGES, languages.stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).toList());
        }
        var trainer = new ClassifierTrainer(training.toOptions(), System.out::println);
        var result = trainer.train(kind.command, rows, vectors, embedder.modelId(), provenance);
        ModelFile.write(result.model(), out);
        if (heldOut != null) {
            writeHeldOut(result.heldOut(), result.model().labels());
        }
        System.out.println("held-out (" + training.folds + "-fold cross-validation):");
        System.out.println(result.crossValidation().report());
        System.out.printf(Locale.ROOT, "wrote %s (%.1f MiB, %d labels, model %s) in %.0f s%n", out,
                Files.size(out) / 1048576.0, result.model().labels().size(), embedder.modelId(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * A model replaces an earlier model (the server reloads it), but --out or --held-out naming the
     * training data or any other file by mistake must not destroy it; checked before minutes of training.
     */
    private void refuseToOverwriteOtherFiles() throws IOException {
        if (Files.exists(out) && !ModelFile.isModelFile(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not an Assist triage model: not overwriting it"
                    + " (choose another path, or remove the file)");
        }
        if (heldOut != null && Files.exists(heldOut) && !isHeldOutFile(heldOut)) {
            throw new IllegalArgumentException("--held-out " + heldOut + " exists and is not a held-out predictions file:"
                    + " not overwriting it (choose another path, or remove the file)");
        }
    }

    private static boolean isHeldOutFile(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            String first = reader.readLine();
            return first == null || first.startsWith("{\"fold\":");
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** One JSON line per training row, in data order: fold, label, held-out logits, neighbour vote. */
    private void writeHeldOut(ClassifierTrainer.HeldOut rows, List<String> labelNames) throws IOException {
        var json = new ObjectMapper();
        try (var writer = Files.newBufferedWriter(heldOut)) {
            for (int i = 0; i < rows.fold().length; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fold", rows.fold()[i]);
                row.put("label", labelNames.get(rows.classIds()[i]));
                row.put("logits", rows.logits()[i]);
                row.put("knn", rows.knn()[i]);
                writer.write(json.writeValueAsString(row));
                writer.newLine();
            }
        }
    }

    private List<String> commandLine() {
        String property = System.getProperty("sun.java.command", "");
        String[] words = property.split(" ");
        int at = Arrays.asList(words).indexOf(kind.command);
        return at < 0 ? List.of() : Arrays.asList(words).subList(at + 1, words.length);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
