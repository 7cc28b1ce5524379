package dev.assist;

import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.embed.Embedder;
import java.io.PrintStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server for {@code serve} and {@code demo} until the process is stopped: starts it,
 * reports the address, waits for the index, and stops cleanly on Ctrl-C or SIGTERM.
 */
final class ServerRunner {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_FATAL = 3;

    private final PrintStream out;
    private final PrintStream err;

    ServerRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Serves until the JVM is asked to stop; returns only when the server could not start. */
    int serve(AssistConfig config, Embedder embedder, boolean pages) throws InterruptedException {
        Assist assist;
        try {
            assist = Assist.forConfig(config, embedder, pages);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        try {
            assist.start();
        } catch (RuntimeException e) {
            err.println("error: cannot listen on port " + config.port() + ": " + e.getMessage());
            return EXIT_FATAL;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            assist.stop();
            stopped.countDown();
        }, "assist-shutdown"));
        out.println("Assist API on http://localhost:" + assist.port() + "  (opening index " + config.index() + " ...)");
        if (config.apiKeys().isEmpty()) {
            err.println("warning: no API keys are configured, so every /v1 request gets 401; "
                    + "set ASSIST_API_KEYS=key:tenant:scope,... or api_keys in --config");
        }
        try {
            assist.ready().join();
        } catch (CompletionException e) {
            err.println("error: cannot open the index " + config.index() + ": " + e.getCause().getMessage());
            assist.stop();
            return EXIT_FATAL;
        }
        out.println("ready: http://localhost:" + assist.port() + "/readyz  (routes: /openapi.json, metrics: /metrics; Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
