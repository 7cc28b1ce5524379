package dev.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The refusals of {@code assist serve}: they must say what to do and exit with the documented status. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int serve(String... args) {
        return new CommandLine(new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    @Test
    void missingIndexSaysHowToBuildOne() {
        int status = serve("--index", dir.resolve("nothing").toString(), "--port", "0");

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no index at").contains("./assist index --source");
    }

    @Test
    void emptyFolderIsNoIndex() {
        assertThat(serve("--index", dir.toString(), "--port", "0")).isEqualTo(3);
    }

    @Test
    void badConfigurationNamesTheProblem() throws Exception {
        Path config = Files.writeString(dir.resolve("assist.yaml"), "limits:\n  max_body_byte: 10\n");

        int status = serve("--config", config.toString(), "--index", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("max_body_byte");
    }
}
