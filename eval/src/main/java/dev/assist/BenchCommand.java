package dev.assist;

import dev.assist.bench.IndexBenchmark;
import dev.assist.bench.QualityBenchmark;
import dev.assist.bench.ServeBenchmark;
import dev.assist.bench.RoutingBenchmark;
import dev.assist.bench.TriageBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assist bench}: benchmarks that print numbers for docs/BENCHMARKS.md; never part of the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (slow; their numbers go to docs/BENCHMARKS.md).",
        subcommands = {IndexBenchmark.class, QualityBenchmark.class, ServeBenchmark.class, RoutingBenchmark.class, TriageBenchmark.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
