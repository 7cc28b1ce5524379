package dev.assist.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assist.conversation.Turn;
import dev.assist.eval.RetrievalSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * The client side of {@code assist bench serve}, run in its own process so it does not share the
 * server's heap or JIT: {@code concurrency} workers send {@code POST /v1/answer} with the dataset's
 * questions (and their conversation context) in a loop for a fixed time, after a warm-up.
 *
 * <p>Arguments: base URL, API key, dataset folder, concurrency, warm-up seconds, measured seconds, then
 * optionally {@code new-questions} (every request's question ends in its own reference number, so
 * nothing the server keeps per question text, query embeddings, language, analysis, is reused, while
 * the conversation's earlier turns repeat as they do in a real chat) and {@code server-pid=N} (the
 * server's CPU time over the measured window is reported per request: unlike latency, it hardly
 * depends on what else the machine runs).
 */
public final class LoadDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        RetrievalSet set = RetrievalSet.read(Path.of(args[2]));
        int concurrency = Integer.parseInt(args[3]);
        double warmup = Double.parseDouble(args[4]);
        double seconds = Double.parseDouble(args[5]);
        List<String> options = List.of(args).subList(6, args.length);
        boolean newQuestions = options.contains("new-questions");
        Optional<ProcessHandle> server = options.stream().filter(o -> o.startsWith("server-pid="))
                .findFirst().flatMap(o -> ProcessHandle.of(Long.parseLong(o.substring("server-pid=".length()))));
        List<RetrievalSet.Query> queries = set.queries();
        AtomicLong sequence = new AtomicLong();
        List<byte[]> repeated = queries.stream().map(q -> body(q, q.text())).toList();
        IntFunction<byte[]> bodies = newQuestions
                ? i -> body(queries.get(i), queries.get(i).text() + " (ref " + sequence.incrementAndGet() + ")")
                : repeated::get;
        int count = queries.size();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, key, bodies, count, concurrency, warmup, false);
        Optional<Duration> cpuBefore = server.flatMap(p -> p.info().totalCpuDuration());
        Result result = run(client, base, key, bodies, count, concurrency, seconds, true);
        Optional<Duration> cpuAfter = server.flatMap(p -> p.info().totalCpuDuration());
        String cpu = cpuBefore.isPresent() && cpuAfter.isPresent() && result.requests() > 0
                ? String.format(Locale.ROOT, " server_cpu_ms_per_request=%.2f",
                        cpuAfter.get().minus(cpuBefore.get()).toNanos() / 1e6 / result.requests())
                : "";
        System.out.println(result.line() + cpu);
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    record Result(long requests, long errors, double seconds, double p50, double p95, double p99, double max) {
        String line() {
            return String.format(Locale.ROOT, "requests=%d errors=%d seconds=%.1f rps=%.1f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                    requests, errors, seconds, requests / seconds, p50, p95, p99, max);
        }
    }

    private static Result run(HttpClient client, String base, String key, IntFunction<byte[]> bodies, int count,
                              int concurrency, double seconds, boolean measured) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        byte[] body = bodies.apply(Math.floorMod(next.getAndIncrement(), count));
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/answer"))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        recorder.recordValue((System.nanoTime() - sent) / 1000);
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var histogram = recorder.getIntervalHistogram();
        return new Result(histogram.getTotalCount(), errors.get(), elapsed,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private static byte[] body(RetrievalSet.Query query, String question) {
        ObjectNode body = JSON.createObjectNode().put("question", question);
        ArrayNode history = body.putArray("history");
        for (Turn turn : query.context().subList(Math.max(0, query.context().size() - 6), query.context().size())) {
            history.addObject().put("role", turn.role().wireName()).put("text", turn.text());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
