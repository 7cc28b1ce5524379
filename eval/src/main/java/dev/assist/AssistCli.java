package dev.assist;

import dev.assist.cli.IndexCommand;
import dev.assist.cli.NotYetAvailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher's entry point: one picocli command with a subcommand per job. */
@Command(name = "assist", mixinStandardHelpOptions = true,
        description = "Assist: grounded answers and agent assistance from your own help center.",
        subcommands = {IndexCommand.class, BenchCommand.class})
public final class AssistCli implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new AssistCli());
        for (String pending : new String[] {"demo", "serve", "eval", "train"}) {
            cli.addSubcommand(pending, new NotYetAvailable(pending));
        }
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
