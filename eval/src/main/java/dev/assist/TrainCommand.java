package dev.assist;

import dev.assist.eval.CalibrateHandoffCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist train}: fits models and calibrations from labelled data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train models and calibrations from labelled data.",
        subcommands = {CalibrateHandoffCommand.class, dev.assist.eval.FitRerankerCommand.class})
public final class TrainCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
