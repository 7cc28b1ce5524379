package dev.assist;

import dev.assist.bench.IndexBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist bench}: benchmarks that print numbers for docs/BENCHMARKS.md; never part of the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (slow; their numbers go to docs/BENCHMARKS.md).",
        subcommands = {IndexBenchmark.class, dev.assist.bench.QualityBenchmark.class, dev.assist.bench.ServeBenchmark.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
