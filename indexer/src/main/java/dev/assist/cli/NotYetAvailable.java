package dev.assist.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A launcher command whose issue has not landed yet: says so and exits with status 2. */
@Command(mixinStandardHelpOptions = false)
public final class NotYetAvailable implements Callable<Integer> {
    private final String name;

    @Parameters(arity = "0..*", hidden = true)
    String[] ignored;

    public NotYetAvailable(String name) {
        this.name = name;
    }

    @Override
    public Integer call() {
        System.err.println("assist " + name + ": not yet available in this version");
        return 2;
    }
}
