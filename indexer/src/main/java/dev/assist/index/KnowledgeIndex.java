package dev.assist.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An index directory opened for writing, after checking that it was built with this schema and
 * embedding model. Lucene commits are atomic: until {@link #commit()} returns, readers and a
 * crashed run see the previous commit, whole.
 */
public final class KnowledgeIndex implements Closeable {
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final IndexMetadata metadata;
    private final LanguageAnalyzers analyzers;

    private KnowledgeIndex(Path path, Directory directory, IndexWriter writer, IndexMetadata metadata,
                           LanguageAnalyzers analyzers) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.metadata = metadata;
        this.analyzers = analyzers;
    }

    /**
     * Opens (or creates) the index at {@code path} for writing.
     *
     * @param rebuild start from an empty index, whatever model built the old one
     * @throws IncompatibleIndexException when the existing index was built with another model or schema
     */
    public static KnowledgeIndex openForWriting(Path path, IndexMetadata expected, boolean rebuild) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            if (!DirectoryReader.indexExists(directory) && holdsOtherFiles(path)) {
                throw new IncompatibleIndexException(path + " holds other files and no index: point --index at an empty or new"
                        + " folder (nothing was written there)");
            }
            if (!rebuild) {
                readMetadata(directory, path).ifPresent(found -> expected.requireCompatible(found, path.toString()));
            }
            LanguageAnalyzers analyzers = new LanguageAnalyzers();
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    .setCodec(IndexCodec.create())
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            KnowledgeIndex index = new KnowledgeIndex(path, directory, writer, expected, analyzers);
            if (!DirectoryReader.indexExists(directory) || rebuild) {
                index.commit(); // an empty but labelled index, so readers can open it at once
            }
            return index;
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Whether a folder without an index has files Lucene did not write (say, the articles themselves,
     * named by mistake); an index is not mixed into them. Lucene's own files are left from a first run
     * that was stopped before its first commit.
     */
    private static boolean holdsOtherFiles(Path path) throws IOException {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .anyMatch(name -> !name.equals(IndexWriter.WRITE_LOCK_NAME) && !name.startsWith(IndexFileNames.SEGMENTS)
                            && !name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                            && !IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches());
        }
    }

    /** The metadata of the latest commit at {@code path}, checked against {@code expected}; for readers. */
    public static void requireCompatible(Path path, IndexMetadata expected) throws IOException {
        try (Directory directory = FSDirectory.open(path)) {
            IndexMetadata found = readMetadata(directory, path).orElseThrow(() -> new IncompatibleIndexException(
                    "no Assist index at " + path + "; build one: ./assist index --source <articles> --index " + path));
            expected.requireCompatible(found, path.toString());
        }
    }

    /** Empty when there is no index yet; an index without Assist's commit data is refused. */
    public static Optional<IndexMetadata> readMetadata(Directory directory, Path path) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        Optional<IndexMetadata> metadata =
                IndexMetadata.fromUserData(SegmentInfos.readLatestCommit(directory).getUserData());
        if (metadata.isEmpty()) {
            throw new IncompatibleIndexException("the Lucene index at " + path + " was not written by Assist; "
                    + "point --index at an empty folder or rebuild: ./assist index --rebuild --source <articles> --index " + path);
        }
        return metadata;
    }

    public IndexWriter writer() {
        return writer;
    }

    public IndexMetadata metadata() {
        return metadata;
    }

    public LanguageAnalyzers analyzers() {
        return analyzers;
    }

    public Path path() {
        return path;
    }

    public Directory directory() {
        return directory;
    }

    /** Makes every change so far durable and visible to new readers, with the schema and model recorded. */
    public void commit() throws IOException {
        writer.setLiveCommitData(metadata.toUserData().entrySet());
        writer.commit();
    }

    /** Drops every uncommitted change; the index stays at its last commit. */
    public void rollback() throws IOException {
        if (writer.isOpen()) {
            writer.rollback();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (writer.isOpen()) {
                writer.close();
            }
        } finally {
            directory.close();
        }
    }
}
