package dev.assist.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assist.retrieve.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback file: one JSON object per line, appended, never mixed up. */
class FeedbackLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private static Feedback feedback(String answerId, Rating rating, String comment) {
        return new Feedback(NOON, "lumora", Channel.BOT, answerId, rating, Optional.ofNullable(comment));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    @Test
    void eachFeedbackIsOneLineWithTenantTimeAnswerAndRating() throws IOException {
        Path file = dir.resolve("data/feedback.jsonl");
        try (FeedbackLog log = new FeedbackLog(file)) {
            log.append(feedback("a-1", Rating.UP, null));
            log.append(feedback("a-2", Rating.DOWN, "two\nlines, \"quoted\", ünïcødé"));
        }

        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("time").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(lines.get(0).get("tenant").asText()).isEqualTo("lumora");
        assertThat(lines.get(0).get("channel").asText()).isEqualTo("bot");
        assertThat(lines.get(0).get("answer_id").asText()).isEqualTo("a-1");
        assertThat(lines.get(0).get("rating").asText()).isEqualTo("up");
        assertThat(lines.get(0).get("comment").isNull()).isTrue();
        assertThat(lines.get(1).get("rating").asText()).isEqualTo("down");
        assertThat(lines.get(1).get("comment").asText()).isEqualTo("two\nlines, \"quoted\", ünïcødé");
    }

    @Test
    void aNewLogAppendsToWhatAnEarlierServerWrote() throws IOException {
        Path file = dir.resolve("feedback.jsonl");
        try (FeedbackLog log = new FeedbackLog(file)) {
            log.append(feedback("first", Rating.UP, null));
        }
        try (FeedbackLog log = new FeedbackLog(file)) {
            log.append(feedback("second", Rating.DOWN, null));
        }

        assertThat(lines(file)).extracting(line -> line.get("answer_id").asText()).containsExactly("first", "second");
    }

    @Test
    void aLineCutShortByACrashDoesNotSwallowTheNextOne() throws IOException {
        Path file = dir.resolve("feedback.jsonl");
        Files.writeString(file, "{\"answer_id\":\"whole\",\"rating\":\"up\"}\n{\"answer_id\":\"cut", StandardCharsets.UTF_8);

        try (FeedbackLog log = new FeedbackLog(file)) {
            log.append(feedback("after-crash", Rating.UP, null));
        }

        List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(raw).hasSize(3);
        assertThat(raw.get(1)).isEqualTo("{\"answer_id\":\"cut");
        assertThat(JSON.readTree(raw.get(2)).get("answer_id").asText()).isEqualTo("after-crash");
    }

    @Test
    void concurrentAppendsNeverInterleave() throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        int threads = 8;
        int each = 40;
        try (FeedbackLog log = new FeedbackLog(file); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.append(feedback("t" + thread + "-" + i, i % 2 == 0 ? Rating.UP : Rating.DOWN, "x".repeat(500)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        List<JsonNode> lines = lines(file);
        Set<String> ids = new HashSet<>();
        lines.forEach(line -> ids.add(line.get("answer_id").asText()));
        assertThat(lines).hasSize(threads * each);
        assertThat(ids).hasSize(threads * each);
    }

    @Test
    void nothingIsCreatedUntilTheFirstFeedback() {
        Path file = dir.resolve("never/feedback.jsonl");
        try (FeedbackLog log = new FeedbackLog(file)) {
            assertThat(log.file()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(file.getParent()).doesNotExist();
    }
}
