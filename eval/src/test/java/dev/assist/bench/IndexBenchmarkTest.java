package dev.assist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        assertThat(run("--corpus", missing.toString(), "--work", dir.resolve("work").toString()))
                .isEqualTo("1 bench index: corpus " + missing + " does not exist (give --corpus FILE_OR_FOLDER)\n");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("--corpus", empty.toString(), "--work", dir.resolve("work").toString()))
                .isEqualTo("1 bench index: no articles read from " + empty + "\n");
    }

    /** The exit code and what went to standard error. */
    private static String run(String... args) {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new IndexBenchmark()).execute(args);
            return exit + " " + err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        } finally {
            System.setErr(previous);
        }
    }
}
