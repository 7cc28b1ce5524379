package dev.assist;

import dev.assist.cli.IndexCommand;
import dev.assist.cli.NotYetAvailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher's entry point: one picocli command with a subcommand per job. */
@Command(name = "assist", mixinStandardHelpOptions = true,
        description = "Assist: grounded answers and agent assistance from your own help center.",
        subcommands = {IndexCommand.class, EvalCommand.class, BenchCommand.class, TrainCommand.class})
public final class AssistCli implements Runnable {

    /** Keeps a reference so the level sticks: JUL holds loggers weakly. */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        // Lucene announces its SIMD provider at INFO on every start; users need not see it.
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.WARNING);
        CommandLine cli = new CommandLine(new AssistCli());
        for (String pending : new String[] {"demo", "serve"}) {
            cli.addSubcommand(pending, new NotYetAvailable(pending));
        }
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
