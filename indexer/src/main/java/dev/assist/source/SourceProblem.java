package dev.assist.source;

/** A file (or a line of one) that could not be read, with a reason a person can act on. */
public record SourceProblem(String path, int line, String reason) {

    public static SourceProblem ofFile(String path, String reason) {
        return new SourceProblem(path, 0, reason);
    }

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + reason : path + ": " + reason;
    }
}
