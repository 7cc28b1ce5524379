package dev.assist.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** A command's exit code and what it printed to standard error (line ends as {@code \n}). */
public record CommandRun(int exit, String err) {
    /** Runs {@code cli} with {@code args}, capturing {@link System#err} for the duration. */
    public static CommandRun run(CommandLine cli, String... args) {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new CommandRun(exit, err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        } finally {
            System.setErr(previous);
        }
    }
}
