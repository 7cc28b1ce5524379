package dev.assist.triage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist eval}: evaluation commands; the triage ones are {@code intents}, {@code sentiment}, {@code language}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate models and pipelines on labelled data.")
public final class EvalCommand implements Runnable {
    /** The command with its subcommands, ready to add to the launcher. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EvalCommand());
        for (ClassifierKind kind : ClassifierKind.values()) {
            cli.addSubcommand(kind.command, new EvalClassifierCommand(kind));
        }
        cli.addSubcommand("language", new EvalLanguageCommand());
        return cli;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
