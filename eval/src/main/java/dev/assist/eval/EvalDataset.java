package dev.assist.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset ready to run: its cases, the articles they are about (when the dataset ships them or
 * names them), and the lines that could not be read.
 *
 * @param corpus articles to build the throw-away index from; empty when the run goes to a server
 * @param ownLanguageOnly relevant documents are in the question's language only (public retrieval
 *                        sets), so no fallback language is searched
 */
public record EvalDataset(String name, Format format, Path source, Optional<Path> corpus, List<EvalCase> cases,
                          List<DatasetProblem> problems, boolean ownLanguageOnly) {

    /** The two layouts {@code ./assist eval --dataset} reads. */
    public enum Format {
        /** Our golden QA JSONL ({@code eval/datasets/*.jsonl}). */
        GOLDEN,
        /** The shared retrieval layout (a folder with corpus, queries, qrels ...). */
        RETRIEVAL
    }

    public EvalDataset {
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }

    /** At most {@code n} cases, evenly spaced over the dataset so every part of it is sampled. */
    public EvalDataset limit(int n) {
        if (n <= 0 || cases.size() <= n) {
            return this;
        }
        double step = (double) cases.size() / n;
        List<EvalCase> sampled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sampled.add(cases.get((int) (i * step)));
        }
        return new EvalDataset(name, format, source, corpus, sampled, problems, ownLanguageOnly);
    }
}
