package dev.assist.eval.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows an eval run's progress: a redrawn bar on a terminal, a plain line every few seconds
 * otherwise (CI logs, pipes), with cases done, rate and time left.
 */
public final class EvalProgress {
    /** Receives progress; {@link #NONE} for tests and quiet runs. */
    public interface Listener {
        void advanced(String phase, int done, int total);
    }

    public static final Listener NONE = (phase, done, total) -> { };

    private EvalProgress() {
    }

    public static Listener console(PrintStream out, boolean terminal, double logIntervalSeconds) {
        long interval = (long) (logIntervalSeconds * 1e9);
        long[] start = {System.nanoTime()};
        long[] lastLog = {start[0]};
        String[] current = {""};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (!phase.equals(current[0])) {
                current[0] = phase;
                start[0] = now;
                lastLog[0] = now;
            }
            boolean finished = done >= total;
            if (terminal) {
                out.print("\r" + phase + " " + line(done, total, now - start[0], true) + (finished ? "\n" : ""));
                out.flush();
            } else if (finished || now - lastLog[0] >= interval) {
                out.println(phase + " " + line(done, total, now - start[0], false));
                lastLog[0] = now;
            }
        };
    }

    static String line(int done, int total, long elapsedNanos, boolean bar) {
        double seconds = Math.max(1e-3, elapsedNanos / 1e9);
        double rate = done / seconds;
        double eta = rate > 0 ? (total - done) / rate : 0;
        String prefix = "";
        if (bar) {
            int width = 30;
            int filled = total == 0 ? width : (int) Math.round(width * (double) done / total);
            prefix = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ";
        }
        return String.format(Locale.ROOT, "%squeries %d/%d  %.1f queries/s  ETA %ds", prefix, done, total, rate, Math.round(eta));
    }
}
