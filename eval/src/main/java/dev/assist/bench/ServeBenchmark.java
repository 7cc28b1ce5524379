package dev.assist.bench;

import dev.assist.embed.EmbedderConfig;
import dev.assist.embed.Embedders;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist bench serve}: starts the server on the dstc11 knowledge corpus in one process and
 * drives {@code POST /v1/answer} (extractive) from a second process on 127.0.0.1 with bounded
 * concurrency for a bounded time; prints requests per second and latency percentiles.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer API throughput and latency: server and load driver in separate processes.")
public final class ServeBenchmark implements Callable<Integer> {
    @Option(names = "--concurrency", defaultValue = "16")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Warm-up seconds before measuring (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--new-questions", description = "Make every question text new (a reference number at its end), "
            + "so per-question caches never hit; earlier turns still repeat, as in a real conversation.")
    boolean newQuestions;

    @Option(names = "--work", description = "Folder for the benchmark index (default: data/bench).")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path dataset = BenchIndexes.sharedDatasets().resolve("dstc11_track5_knowledge");
        Path index = (work != null ? work : BenchIndexes.home().resolve("data/bench")).resolve("dstc11_track5_knowledge");
        var report = BenchIndexes.ensure(dataset.resolve("corpus.jsonl"), index, "bench",
                Embedders.create(EmbedderConfig.defaults()));
        System.out.printf(Locale.ROOT, "index %s: %s%n", index, report.summary());
        int port = freePort();
        String key = "bench-" + Long.toHexString(System.nanoTime());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");

        // One key from one address is the whole load here: the per-client rate limit would refuse it.
        Path config = Files.writeString(Files.createTempFile("assist-bench-serve", ".yaml"), "limits:\n  rate_per_minute: 0\n");
        config.toFile().deleteOnExit();
        ProcessBuilder server = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xmx2g",
                "-Dassist.home=" + BenchIndexes.home(), "-cp", classPath, "dev.assist.AssistCli",
                "serve", "--index", index.toString(), "--port", Integer.toString(port), "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        server.environment().put("ASSIST_API_KEYS", key + ":bench:bot");
        Process serverProcess = server.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, serverProcess);
            List<String> driver = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classPath, LoadDriver.class.getName(),
                    base, key, dataset.toString(), Integer.toString(concurrency), Double.toString(warmup),
                    Double.toString(seconds)));
            driver.add("server-pid=" + serverProcess.pid());
            if (newQuestions) {
                driver.add("new-questions");
            }
            System.out.printf(Locale.ROOT, "driving %s/v1/answer: concurrency %d, warm-up %.0f s, measured %.0f s, %d cores%n",
                    base, concurrency, warmup, seconds, Runtime.getRuntime().availableProcessors());
            Process load = new ProcessBuilder(driver).inheritIO().start();
            return load.waitFor();
        } finally {
            serverProcess.destroy();
            if (!serverProcess.waitFor(20, TimeUnit.SECONDS)) {
                serverProcess.destroyForcibly();
            }
        }
    }

    private static void awaitReady(String base, Process server) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with status " + server.exitValue());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
