package dev.assist.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train and eval commands turn bad input into a message that names the file and line, and exit 1. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void malformedLineNamesFileAndLineAndExitsOne() throws IOException {
        Path data = dir.resolve("bad.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n{\"text\":\"oops\"\n");
        Result result = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("train intents: " + data + ":2: malformed JSON");
        assertThat(dir.resolve("m.model")).doesNotExist();
    }

    @Test
    void oneClassAndMissingFilesAreRefused() throws IOException {
        Path data = dir.resolve("one.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n{\"text\":\"money back\",\"label\":\"refund\"}\n");
        Result oneClass = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString());
        assertThat(oneClass.exit()).isEqualTo(1);
        assertThat(oneClass.err()).contains("one class ('refund')");

        Result missing = run(EvalCommand.commandLine(), "intents", "--model", dir.resolve("none.model").toString(),
                "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("model file not found");
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithoutAStackTrace() throws IOException {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n");
        Path notAModel = Files.writeString(dir.resolve("notes.model"), "not a model");

        Result result = run(EvalCommand.commandLine(), "intents", "--model", notAModel.toString(), "--data", data.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("eval intents: " + notAModel + " is not an Assist triage model file")
                .doesNotContain("Exception");
    }

    @Test
    void anEmbeddingCacheThatIsNotOneOrHoldsAnotherModelIsRefusedAndLeftAsItIs() throws IOException {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n"
                + "{\"text\":\"reset my password\",\"label\":\"password\"}\n");
        byte[] dataBefore = Files.readAllBytes(data);
        Result typo = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString(),
                "--embedding-cache", data.toString());
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).contains("train intents: " + data + " is not an embedding cache");
        assertThat(Files.readAllBytes(data)).as("the data file named as the cache by mistake").isEqualTo(dataBefore);

        Path otherModel = dir.resolve("other.cache");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(otherModel))) {
            out.writeUTF("other-model@0123456789ab/cls");
            out.writeInt(1);
            out.writeInt(2);
            out.writeUTF(EmbeddingCache.key("refund please"));
            out.writeFloat(0.6f);
            out.writeFloat(0.8f);
        }
        byte[] cacheBefore = Files.readAllBytes(otherModel);
        Result other = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString(),
                "--embedding-cache", otherModel.toString());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("embedding cache " + otherModel + " holds vectors of embedding model other-model@0123456789ab/cls");
        assertThat(Files.readAllBytes(otherModel)).isEqualTo(cacheBefore);
        assertThat(dir.resolve("m.model")).doesNotExist();
    }

    @Test
    void outputsThatNameTheDataOrAnotherFileAreRefusedBeforeTraining() throws IOException {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n"
                + "{\"text\":\"money back\",\"label\":\"refund\"}\n"
                + "{\"text\":\"reset my password\",\"label\":\"password\"}\n"
                + "{\"text\":\"forgot my password\",\"label\":\"password\"}\n");
        byte[] before = Files.readAllBytes(data);

        Result overData = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", data.toString());
        assertThat(overData.exit()).isEqualTo(1);
        assertThat(overData.err()).contains("--out " + data + " exists and is not an Assist triage model: not overwriting it");
        Result heldOverData = run(TrainCommand.commandLine(), "intents", "--data", data.toString(),
                "--out", dir.resolve("m.model").toString(), "--held-out", data.toString());
        assertThat(heldOverData.exit()).isEqualTo(1);
        assertThat(heldOverData.err()).contains("--held-out " + data + " exists and is not a held-out predictions file");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);
        assertThat(dir.resolve("m.model")).doesNotExist();

        // Retraining into the same model file and held-out file is the normal workflow.
        String[] retrain = {"intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString(),
            "--held-out", dir.resolve("held.jsonl").toString(), "--folds", "2", "--knn-k", "0"};
        assertThat(run(TrainCommand.commandLine(), retrain).exit()).isZero();
        assertThat(run(TrainCommand.commandLine(), retrain).exit()).isZero();
    }

    private record Result(int exit, String err) {
    }

    private static Result run(picocli.CommandLine cli, String... args) {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new Result(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(previous);
        }
    }
}
