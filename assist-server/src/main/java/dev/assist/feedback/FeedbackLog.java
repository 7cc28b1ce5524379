package dev.assist.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Feedback kept durably as an append-only JSON Lines file, one object per line:
 * {@code {"time": ..., "tenant": ..., "channel": ..., "answer_id": ..., "rating": "up"|"down", "comment": ...}}.
 * Each append is forced to disk before it returns, so a recorded verdict survives a crash. The
 * file is opened on the first append (a server nobody rates creates nothing); a line cut short by
 * an earlier crash is closed off with a newline first, so it never swallows the next one.
 */
public final class FeedbackLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path file;
    private FileChannel channel;

    public FeedbackLog(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one line and forces it to disk.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public synchronized void append(Feedback feedback) {
        byte[] line = line(feedback);
        try {
            FileChannel out = open();
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file + ": " + e.getMessage(), e);
        }
    }

    private FileChannel open() throws IOException {
        if (channel != null) {
            return channel;
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        boolean cutShort = endsMidLine(file);
        FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (cutShort) {
            opened.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        channel = opened;
        return opened;
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] line(Feedback feedback) {
        Line line = new Line(feedback.time().toString(), feedback.tenant(), feedback.channel().wireName(),
                feedback.answerId(), feedback.rating().wireName(), feedback.comment().orElse(null));
        try {
            // Jackson escapes control characters inside strings, so the object is one line whatever the comment holds.
            return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feedback line always serializes", e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file + ": " + e.getMessage(), e);
        } finally {
            channel = null;
        }
    }

    /** The stored form of one feedback. */
    record Line(String time, String tenant, String channel, String answerId, String rating, String comment) {
    }
}
