package dev.assist.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assist.triage.learn.ClassifierTrainer;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.LabeledTextReader;
import dev.assist.triage.learn.TrainingDataException;
import dev.assist.triage.learn.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
    @TempDir
    Path dir;

    @Test
    void malformedLineIsReportedWithFileAndLine() throws IOException {
        Path file = write("{\"text\":\"refund please\",\"label\":\"refund\"}\n\n{\"text\": \"broken\", \"label\":\n");
        assertThatThrownBy(() -> LabeledTextReader.read(file))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageStartingWith(file + ":3: malformed JSON");
    }

    @Test
    void missingLabelAndEmptyTextNameTheirLine() throws IOException {
        Path noLabel = write("{\"text\":\"refund please\"}\n");
        assertThatThrownBy(() -> LabeledTextReader.read(noLabel)).hasMessage(noLabel + ":1: \"label\" is missing or not a string");
        Path emptyText = write("{\"text\":\"ok\",\"label\":\"a\"}\n{\"text\":\"  \",\"label\":\"b\"}\n");
        assertThatThrownBy(() -> LabeledTextReader.read(emptyText)).hasMessage(emptyText + ":2: text is empty");
    }

    @Test
    void textOver100KbIsRejected() throws IOException {
        Path file = write("{\"text\":\"" + "a".repeat(100 * 1024 + 1) + "\",\"label\":\"big\"}\n");
        assertThatThrownBy(() -> LabeledTextReader.read(file))
                .hasMessageContaining(file + ":1: text is 102401 bytes; the limit is 102400 bytes (100 KB)");
    }

    @Test
    void unknownLabelIsRejectedWhenTheLabelsAreListed() throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"label\":\"refund\"}\n{\"label\":\"cancel\"}\n");
        Path data = write("{\"text\":\"refund please\",\"label\":\"refund\"}\n{\"text\":\"what is this\",\"label\":\"refnud\"}\n");
        assertThatThrownBy(() -> LabeledTextReader.read(data, row -> true, Optional.of(LabeledTextReader.readLabels(labels))))
                .hasMessage(data + ":2: unknown label 'refnud' (not in the label list)");
    }

    @Test
    void oneClassCannotBeTrained() {
        List<LabeledText> rows = List.of(new LabeledText("refund please", "refund"), new LabeledText("money back", "refund"));
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0, 1});
        assertThatThrownBy(() -> new ClassifierTrainer(TrainingOptions.defaults(), line -> { })
                .train("intents", rows, vectors, "test-model", Map.of()))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("one class ('refund')");
    }

    @Test
    void outOfScopeAliasesBecomeOneLabel() {
        assertThat(new LabeledText("what's the weather", "oos").label()).isEqualTo("out_of_scope");
        assertThatThrownBy(() -> new LabeledText("text", "bad\nlabel")).hasMessageContaining("is not a label");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "data", ".jsonl");
        Files.writeString(file, content);
        return file;
    }
}
