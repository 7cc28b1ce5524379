package dev.assist.triage.learn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes {@link TextClassifier} files. A file is gzip of: the magic line
 * {@code ASSIST-TRIAGE-MODEL}, the format version (int), the length of a JSON {@link ModelHeader} and the
 * header, the vocabulary (one UTF-8 string per n-gram), then float arrays (IDF, weights, neighbour
 * memory) and the memory's class ids. {@code zcat model | head -c 4000} shows the header.
 * Writing goes to a temporary file that is then moved over the target, so a server watching the
 * file never reads half a model.
 */
public final class ModelFile {
    /** How the name of a model read from the class path starts (no file there to retrain into). */
    public static final String CLASSPATH = "classpath:";
    private static final byte[] MAGIC = "ASSIST-TRIAGE-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelFile() {
    }

    public static void write(TextClassifier model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(model, out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(TextClassifier model, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.write(MAGIC);
        out.writeInt(ModelHeader.FORMAT);
        byte[] header = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.header());
        out.writeInt(header.length);
        out.write(header);
        NgramFeatures ngrams = model.ngrams();
        if (ngrams != null) {
            for (String term : ngrams.terms()) {
                out.writeUTF(term);
            }
            writeFloats(out, ngrams.idf());
        }
        writeFloats(out, model.regression().weights());
        for (float[] row : model.memory()) {
            writeFloats(out, row);
        }
        for (int label : model.memoryLabels()) {
            out.writeInt(label);
        }
        out.flush();
        gzip.finish();
    }

    /** Whether {@code file} starts like a model file (gzip holding this format's magic), whatever its version. */
    public static boolean isModelFile(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a model file; {@code expectedEmbeddingModel} must be the embedder's id (see the class comment for why). */
    public static TextClassifier read(Path file, String expectedEmbeddingModel) {
        return read(file, expected(expectedEmbeddingModel));
    }

    /** Reads a model file trained with one of {@code embeddingModels} (empty: any). */
    public static TextClassifier read(Path file, Set<String> embeddingModels) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), embeddingModels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    public static TextClassifier read(InputStream source, String name, String expectedEmbeddingModel) {
        return read(source, name, expected(expectedEmbeddingModel));
    }

    private static Set<String> expected(String embeddingModel) {
        return embeddingModel == null ? Set.of() : Set.of(embeddingModel);
    }

    public static TextClassifier read(InputStream source, String name, Set<String> embeddingModels) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IncompatibleModelException(name + " is not an Assist triage model file");
            }
            int format = in.readInt();
            if (format != ModelHeader.FORMAT) {
                throw new IncompatibleModelException(name + " has model format " + format + "; this build reads format "
                        + ModelHeader.FORMAT + ": retrain it with ./assist train");
            }
            byte[] headerBytes = in.readNBytes(in.readInt());
            ModelHeader header = JSON.readValue(headerBytes, ModelHeader.class);
            if (!embeddingModels.isEmpty() && !embeddingModels.contains(header.embeddingModel())) {
                throw new IncompatibleModelException(name + " was trained with embedding model "
                        + header.embeddingModel() + " but this process embeds with "
                        + String.join(" or ", embeddingModels)
                        + (name.startsWith(CLASSPATH) ? "" : ": retrain it with ./assist train " + header.kind()
                                + " --data FILE --out " + name + " and the same embedding options"));
            }
            NgramFeatures ngrams = null;
            if (header.ngrams() != null) {
                String[] terms = new String[header.vocabularySize()];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = in.readUTF();
                }
                ngrams = new NgramFeatures(header.ngrams(), terms, readFloats(in, terms.length));
            }
            int classes = header.labels().size();
            int sparse = ngrams == null ? 0 : ngrams.size();
            float[] weights = readFloats(in, SoftmaxRegression.parameterCount(classes, header.embeddingDimension(), sparse));
            SoftmaxRegression regression = new SoftmaxRegression(classes, header.embeddingDimension(), sparse, weights);
            float[][] memory = new float[header.memoryRows()][];
            for (int r = 0; r < memory.length; r++) {
                memory[r] = readFloats(in, header.embeddingDimension());
            }
            int[] memoryLabels = new int[header.memoryRows()];
            for (int r = 0; r < memoryLabels.length; r++) {
                memoryLabels[r] = in.readInt();
                if (memoryLabels[r] < 0 || memoryLabels[r] >= classes) {
                    throw new IncompatibleModelException(name + " is corrupt: class id " + memoryLabels[r]);
                }
            }
            return new TextClassifier(header, ngrams, regression, memory, memoryLabels);
        } catch (EOFException e) {
            throw new IncompatibleModelException(name + " is truncated");
        } catch (ZipException e) {
            throw new IncompatibleModelException(name + " is not an Assist triage model file (not gzip)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IncompatibleModelException(name + " has an unreadable header: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name + ": " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count * 4];
        in.readFully(bytes);
        float[] values = new float[count];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }
}
