package dev.assist.triage;

import dev.assist.triage.learn.ModelFile;
import dev.assist.triage.learn.TextClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds a classifier loaded from a model file (reloaded by {@link #reloadIfChanged()} when the file's
 * size or modification time changes) or from a class-path resource (the bundled defaults, never
 * reloaded). A reload that fails keeps the model in use and throws, so a bad file never takes a
 * working model away; the same bad file is not tried (nor reported) again until it changes.
 */
public final class ModelSource {
    private final String name;
    private final Path file;
    private final Set<String> embeddingModels;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    /** The file as it was when it last failed to load (or could not be read), if it did. */
    private FileState refused;

    /** A model and the version of its file it came from (null for a resource or a model in memory). */
    private record Loaded(TextClassifier model, FileState state) {
    }

    /** What tells one version of a file from the next: size and modification time; size -1 when unreadable. */
    private record FileState(long size, FileTime modified) {
        static final FileState UNREADABLE = new FileState(-1, null);

        static FileState of(Path file) throws IOException {
            return new FileState(Files.size(file), Files.getLastModifiedTime(file));
        }
    }

    private ModelSource(String name, Path file, Set<String> embeddingModels, Loaded loaded) {
        this.name = name;
        this.file = file;
        this.embeddingModels = Set.copyOf(embeddingModels);
        this.current.set(loaded);
    }

    /** A model file; checked for the embedding model now, reloadable later. */
    public static ModelSource file(Path file, String embeddingModel) {
        return file(file, Set.of(embeddingModel));
    }

    /** A model file trained with one of {@code embeddingModels} (see {@link Triage#acceptedEmbeddingModels}). */
    public static ModelSource file(Path file, Set<String> embeddingModels) {
        return new ModelSource(file.toString(), file, embeddingModels, load(file, embeddingModels));
    }

    /** A model bundled on the class path. */
    public static ModelSource resource(String resource, String embeddingModel) {
        return resource(resource, Set.of(embeddingModel));
    }

    /** A model bundled on the class path, trained with one of {@code embeddingModels}. */
    public static ModelSource resource(String resource, Set<String> embeddingModels) {
        try (InputStream in = ModelSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled model missing from the class path: " + resource);
            }
            TextClassifier model = ModelFile.read(in, ModelFile.CLASSPATH + resource, embeddingModels);
            return new ModelSource(ModelFile.CLASSPATH + resource, null, embeddingModels, new Loaded(model, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model already in memory (tests, benchmarks). */
    public static ModelSource of(TextClassifier model) {
        return new ModelSource("memory", null, Set.of(model.header().embeddingModel()), new Loaded(model, null));
    }

    public TextClassifier model() {
        return current.get().model();
    }

    public String name() {
        return name;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /**
     * Reloads the file if its size or modification time changed; true if it did. Safe to call from a
     * timer while requests use the model: they see the old or the new model, never a mix.
     */
    public boolean reloadIfChanged() {
        return reloadIfChanged(model -> { });
    }

    /**
     * Like {@link #reloadIfChanged()}, but the new model replaces the one in use only if {@code check}
     * accepts it; what {@code check} throws is thrown, and the model in use stays.
     */
    public synchronized boolean reloadIfChanged(Consumer<TextClassifier> check) {
        if (file == null) {
            return false;
        }
        FileState now;
        try {
            now = FileState.of(file);
        } catch (IOException e) {
            if (FileState.UNREADABLE.equals(refused)) {
                return false;
            }
            refused = FileState.UNREADABLE;
            throw new UncheckedIOException("cannot check model " + file + " (keeping the loaded one): " + e.getMessage(), e);
        }
        if (now.equals(current.get().state()) || now.equals(refused)) {
            return false;
        }
        try {
            Loaded candidate = load(file, embeddingModels);
            check.accept(candidate.model());
            current.set(candidate);
            refused = null;
            return true;
        } catch (RuntimeException e) {
            refused = now;
            throw e;
        }
    }

    private static Loaded load(Path file, Set<String> embeddingModels) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file not found: " + file);
        }
        try {
            FileState state = FileState.of(file);
            return new Loaded(ModelFile.read(file, embeddingModels), state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }
}
