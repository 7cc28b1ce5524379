package dev.assist;

import dev.assist.cli.IndexCommand;
import dev.assist.eval.CalibrateHandoffCommand;
import dev.assist.eval.FitRerankerCommand;
import dev.assist.triage.cli.EvalCommand;
import dev.assist.triage.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher's entry point: one picocli command with a subcommand per job. */
@Command(name = "assist", mixinStandardHelpOptions = true,
        description = "Assist: grounded answers and agent assistance from your own help center.",
        subcommands = {IndexCommand.class, ServeCommand.class, DemoCommand.class, BenchCommand.class})
public final class AssistCli implements Runnable {

    /** Keeps a reference so the level sticks: JUL holds loggers weakly. */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        // Lucene announces its SIMD provider at INFO on every start; users need not see it.
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.WARNING);
        // Jetty and Javalin log every start-up step; the commands print what a user needs instead.
        for (String chatty : new String[] {"org.eclipse.jetty", "io.javalin"}) {
            String property = "org.slf4j.simpleLogger.log." + chatty;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
        CommandLine cli = new CommandLine(new AssistCli());
        CommandLine train = TrainCommand.commandLine();
        train.addSubcommand("reranker", new FitRerankerCommand());
        train.addSubcommand("handoff", new CalibrateHandoffCommand());
        cli.addSubcommand("train", train);
        CommandLine eval = new CommandLine(new dev.assist.EvalCommand());
        EvalCommand.addSubcommands(eval);
        cli.addSubcommand("eval", eval);
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
