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

/** bench triage turns bad input into one line that names it, and exits 1. */
class TriageBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void missingTextsNotAModelAndUnknownLanguagesAreNamed() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(run("--texts", missing.toString())).isEqualTo(new Result(1, "bench triage: " + missing + ": no such file\n"));

        Path texts = Files.writeString(dir.resolve("texts.jsonl"), "{\"text\":\"Where is my invoice?\",\"label\":\"billing\"}\n");
        Path notAModel = Files.writeString(dir.resolve("notes.model"), "not a model");
        Result intents = run("--texts", texts.toString(), "--intents", notAModel.toString());
        assertThat(intents.exit()).isEqualTo(1);
        assertThat(intents.err()).isEqualTo("bench triage: " + notAModel + " is not an Assist triage model file (not gzip)\n");

        Result languages = run("--texts", texts.toString(), "--languages", "en,xx");
        assertThat(languages.exit()).isEqualTo(1);
        assertThat(languages.err()).startsWith("bench triage: language 'xx' is not an ISO 639-1 code");
    }

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new TriageBenchmark()).execute(args);
            return new Result(exit, err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        } finally {
            System.setErr(previous);
        }
    }
}
