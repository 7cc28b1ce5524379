package dev.assist.source;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one read of a source produced: the articles, the problems, and the files that had
 * problems (their articles already in the index must not be deleted by a sync).
 */
public record SourceBatch(List<Article> articles, List<SourceProblem> problems, int skippedDrafts) {

    public SourceBatch {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    public Set<String> pathsWithProblems() {
        return problems.stream().map(SourceProblem::path).collect(Collectors.toUnmodifiableSet());
    }
}
