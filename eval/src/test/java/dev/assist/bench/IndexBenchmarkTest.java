package dev.assist.bench;

import static dev.assist.testing.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bench index refuses a corpus it cannot measure instead of printing rates of zero chunks. */
class IndexBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aMissingOrEmptyCorpusIsNamed() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(bench("--corpus", missing.toString(), "--work", dir.resolve("work").toString()))
                .isEqualTo(new CommandRun(1, "bench index: corpus " + missing + " does not exist (give --corpus FILE_OR_FOLDER)\n"));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(bench("--corpus", empty.toString(), "--work", dir.resolve("work").toString()))
                .isEqualTo(new CommandRun(1, "bench index: no articles read from " + empty + "\n"));
    }

    private static CommandRun bench(String... args) {
        return run(new CommandLine(new IndexBenchmark()), args);
    }
}
