package dev.assist.triage.cli;

import static dev.assist.testing.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.testing.CommandRun;
import java.io.DataOutputStream;
import java.io.IOException;
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
        CommandRun result = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("train intents: " + data + ":2: malformed JSON");
        assertThat(dir.resolve("m.model")).doesNotExist();
    }

    @Test
    void oneClassAndMissingFilesAreRefused() throws IOException {
        Path data = dir.resolve("one.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n{\"text\":\"money back\",\"label\":\"refund\"}\n");
        CommandRun oneClass = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString());
        assertThat(oneClass.exit()).isEqualTo(1);
        assertThat(oneClass.err()).contains("one class ('refund')");

        CommandRun missing = run(EvalCommand.commandLine(), "intents", "--model", dir.resolve("none.model").toString(),
                "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("model file not found");
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithoutAStackTrace() throws IOException {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, "{\"text\":\"refund please\",\"label\":\"refund\"}\n");
        Path notAModel = Files.writeString(dir.resolve("notes.model"), "not a model");

        CommandRun result = run(EvalCommand.commandLine(), "intents", "--model", notAModel.toString(), "--data", data.toString());

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
        CommandRun typo = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString(),
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
        CommandRun other = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", dir.resolve("m.model").toString(),
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

        CommandRun overData = run(TrainCommand.commandLine(), "intents", "--data", data.toString(), "--out", data.toString());
        assertThat(overData.exit()).isEqualTo(1);
        assertThat(overData.err()).contains("--out " + data + " exists and is not an Assist triage model: not overwriting it");
        CommandRun heldOverData = run(TrainCommand.commandLine(), "intents", "--data", data.toString(),
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
}
