package dev.assist.cli;

import dev.assist.index.IndexProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows indexing progress: a redrawn bar on a terminal, plain log lines at most every few seconds
 * otherwise (CI logs, pipes), with articles, chunks, chunks per second and the time left.
 */
public final class ConsoleProgress implements IndexProgress {
    private final PrintStream out;
    private final boolean terminal;
    private final long logIntervalNanos;
    private final long start = System.nanoTime();
    private long lastLog = start;
    private int totalArticles;
    private int totalChunks;
    private int articles;
    private int chunks;

    public ConsoleProgress(PrintStream out, boolean terminal, double logIntervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.logIntervalNanos = (long) (logIntervalSeconds * 1e9);
    }

    @Override
    public synchronized void planned(int articleCount, int chunkCount) {
        totalArticles = articleCount;
        totalChunks = chunkCount;
        if (articleCount > 0) {
            out.printf(Locale.ROOT, "embedding %d articles (%d chunks)%n", articleCount, chunkCount);
        }
    }

    @Override
    public synchronized void advanced(int articleCount, int chunkCount) {
        articles += articleCount;
        chunks += chunkCount;
        long now = System.nanoTime();
        boolean done = chunks >= totalChunks;
        if (terminal) {
            out.print("\r" + line(now) + (done ? "\n" : ""));
            out.flush();
        } else if (done || now - lastLog >= logIntervalNanos) {
            out.println(line(now));
            lastLog = now;
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = chunks / seconds;
        double eta = rate > 0 ? (totalChunks - chunks) / rate : 0;
        String bar = "";
        if (terminal) {
            int width = 30;
            int filled = totalChunks == 0 ? width : (int) Math.round(width * (double) chunks / totalChunks);
            bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ";
        }
        return String.format(Locale.ROOT, "%sarticles %d/%d  chunks %d/%d  %.1f chunks/s  ETA %ds",
                bar, articles, totalArticles, chunks, totalChunks, rate, Math.round(eta));
    }
}
