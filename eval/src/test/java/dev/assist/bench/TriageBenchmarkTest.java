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

/** bench triage turns bad input into one line that names it, and exits 1. */
class TriageBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void missingTextsNotAModelAndUnknownLanguagesAreNamed() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(bench("--texts", missing.toString())).isEqualTo(new CommandRun(1, "bench triage: " + missing + ": no such file\n"));

        Path texts = Files.writeString(dir.resolve("texts.jsonl"), "{\"text\":\"Where is my invoice?\",\"label\":\"billing\"}\n");
        Path notAModel = Files.writeString(dir.resolve("notes.model"), "not a model");
        CommandRun intents = bench("--texts", texts.toString(), "--intents", notAModel.toString());
        assertThat(intents.exit()).isEqualTo(1);
        assertThat(intents.err()).isEqualTo("bench triage: " + notAModel + " is not an Assist triage model file (not gzip)\n");

        CommandRun languages = bench("--texts", texts.toString(), "--languages", "en,xx");
        assertThat(languages.exit()).isEqualTo(1);
        assertThat(languages.err()).startsWith("bench triage: language 'xx' is not an ISO 639-1 code");
    }

    private static CommandRun bench(String... args) {
        return run(new CommandLine(new TriageBenchmark()), args);
    }
}
