package dev.assist.triage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist eval}: evaluation commands; the triage ones are {@code intents}, {@code sentiment}, {@code language}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate models and pipelines on labelled data.")
public final class EvalCommand implements Runnable {
    /** The command with its subcommands, ready to add to the launcher. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EvalCommand());
        addSubcommands(cli);
        return cli;
    }

    /** Adds {@code intents}, {@code sentiment} and {@code language} under another {@code eval} command (the dataset one). */
    public static void addSubcommands(CommandLine eval) {
        for (ClassifierKind kind : ClassifierKind.values()) {
            eval.addSubcommand(kind.command, new EvalClassifierCommand(kind));
        }
        eval.addSubcommand("language", new EvalLanguageCommand());
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
