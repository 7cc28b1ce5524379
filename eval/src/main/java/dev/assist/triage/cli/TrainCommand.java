package dev.assist.triage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist train}: triage models (intents, sentiment); the launcher adds re-ranker and hand-off fitting. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models and calibrations from labelled data.")
public final class TrainCommand implements Runnable {
    /** The command with its subcommands, ready to add to the launcher. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TrainCommand());
        for (ClassifierKind kind : ClassifierKind.values()) {
            cli.addSubcommand(kind.command, new TrainClassifierCommand(kind));
        }
        return cli;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
