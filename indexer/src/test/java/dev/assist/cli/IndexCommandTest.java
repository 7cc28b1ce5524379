package dev.assist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.IndexMetadata;
import dev.assist.index.KnowledgeIndex;
import dev.assist.testing.IndexFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's contract: exit codes, the failed-file lines, the summary. */
class IndexCommandTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new CommandLine(new IndexCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void indexesThenReportsNothingToEmbedOnTheSecondRun() {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices.");
        fixture.article("password", "Reset your password", "Use the Forgot password link.");
        String[] args = {"--source", fixture.source().toString(), "--index", fixture.index().toString(), "--tenant", "acme"};

        assertThat(run(args)).isZero();
        assertThat(out()).contains("added=2 updated=0 unchanged=0 deleted=0 failed=0 chunks_embedded=2");

        assertThat(run(args)).isZero();
        assertThat(out()).contains("added=0 updated=0 unchanged=2 deleted=0 failed=0 chunks_embedded=0");
    }

    @Test
    void brokenFilesAreListedWithPathAndReasonAndTheRunExitsOne() {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices.");
        Path broken = fixture.source().resolve("en/broken.md");
        fixture.write(broken, "---\nid: x\nvisibility: secret\ntitle: T\n---\n");

        int exit = run("--source", fixture.source().toString(), "--index", fixture.index().toString());

        assertThat(exit).isEqualTo(IndexCommand.EXIT_SOURCE_PROBLEMS);
        assertThat(err()).contains("failed: " + broken + ": unknown visibility 'secret'");
        assertThat(out()).contains("added=1").contains("failed=1");
    }

    @Test
    void missingSourceIsFatal() {
        int exit = run("--source", root.resolve("nope").toString(), "--index", root.resolve("index").toString());

        assertThat(exit).isEqualTo(IndexCommand.EXIT_FATAL);
        assertThat(err()).contains("source not found");
    }

    @Test
    void indexOfAnotherModelIsFatalAndSaysToRebuild() throws IOException {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices.");
        try (var other = KnowledgeIndex.openForWriting(fixture.index(), IndexMetadata.current("other@000000000000/cls", 384), false)) {
            other.commit();
        }

        int exit = run("--source", fixture.source().toString(), "--index", fixture.index().toString());

        assertThat(exit).isEqualTo(IndexCommand.EXIT_FATAL);
        assertThat(err()).contains("other@000000000000/cls").contains("--rebuild");

        assertThat(run("--source", fixture.source().toString(), "--index", fixture.index().toString(), "--rebuild")).isZero();
        assertThat(out()).contains("added=1");
    }

    @Test
    void plainLogLinesWhenNotOnATerminal() {
        IndexFixture fixture = new IndexFixture(root);
        fixture.article("invoices", "Download invoices", "Open Settings > Billing > Invoices.");

        run("--source", fixture.source().toString(), "--index", fixture.index().toString());

        assertThat(out()).contains("embedding 1 articles (1 chunks)").doesNotContain("\r");
    }
}
