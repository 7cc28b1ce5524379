package dev.assist.eval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a dataset file that could not be used: the run skips it, counts it and reports it as
 * {@code file:line: reason} (line 0 when the whole file is the problem).
 */
public record DatasetProblem(Path file, int line, String reason) {
    public DatasetProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
